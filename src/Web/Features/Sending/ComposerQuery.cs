using WapListing.Infrastructure.Data;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Detail;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Sending;

/// <summary>What the composer of a shown chat offers: null when the viewer may not write from it (<see cref="SendTargets"/>).</summary>
public sealed class ComposerQuery(WapListingDbContext db, CurrentViewer viewer, ViewerAccess access, TimeProvider clock)
{
    public async Task<ComposerModel?> LoadAsync(InteractionData interaction, ComposerState? state, CancellationToken cancellationToken)
    {
        if (!SendTargets.CouldBeOne(interaction) || !await access.CanEditInteractionsAsync())
        {
            return null;
        }

        var target = await SendTargets.FindAsync(db, interaction.Id, viewer.UserId, cancellationToken);
        if (target is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var remaining = target.WindowRemaining(now);
        var input = state?.Input ?? new SendMessageRequest { Name = interaction.Name };
        if (remaining is null && input.Mode == ComposerMode.Text)
        {
            input = input with { Mode = ComposerMode.Template };
        }

        return new ComposerModel(
            interaction.Name,
            state?.Preview is not null && state.Input.ClientKey is { } key ? key : Guid.NewGuid(),
            remaining is { } left ? now + left : null,
            remaining,
            target.ConnectorReady,
            target.Templates,
            input,
            state?.Preview,
            state?.Errors ?? new Dictionary<string, string>(),
            state?.Problem);
    }
}

/// <summary>The composer as the last form left it: what was typed, its preview, or why it was not sent.</summary>
public sealed record ComposerState(SendMessageRequest Input, ComposerPreview? Preview, IReadOnlyDictionary<string, string>? Errors, string? Problem);
