using Microsoft.Extensions.Localization;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Detail.Actions;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Sending;

/// <summary>What the customer would read, by the same rules as sending (<see cref="MessageComposition"/>); sends nothing.</summary>
public sealed class ComposerPreviewer(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
{
    public async Task<(ComposerPreview? Preview, IReadOnlyDictionary<string, string> Errors)> HandleAsync(SendMessageRequest request, CancellationToken cancellationToken)
    {
        var interaction = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
        var target = interaction is null ? null : await SendTargets.FindAsync(db, interaction.Id, viewer.UserId, cancellationToken);
        if (target is null)
        {
            return (null, new Dictionary<string, string>());
        }

        var (message, errors) = MessageComposition.Compose(request, target, clock.GetUtcNow(), localizer);
        return (message?.ToPreview(), errors);
    }
}
