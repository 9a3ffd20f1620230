using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Domain.Sending;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Sending;

/// <summary>What sending to a chat's customer depends on, read in one query.</summary>
public sealed record SendTarget(
    long InteractionId,
    string InteractionName,
    int ConnectorId,
    string CustomerNumber,
    string? PhoneNumberId,
    string? ProtectedAccessToken,
    bool ConnectorActive,
    DateTimeOffset? LastCustomerMessageAt,
    IReadOnlyList<TemplateOption> Templates)
{
    public bool ConnectorReady => ConnectorActive && PhoneNumberId is not null && ProtectedAccessToken is not null;

    public TimeSpan? WindowRemaining(DateTimeOffset now) => ServiceWindow.Remaining(LastCustomerMessageAt, now);
}

/// <summary>
/// The rule of which chats a user may write from: an outbound chat (started with the WhatsApp icon) that is neither
/// closed nor anonymized, has a connector and the customer's number, and in which the user has an open activity. The
/// caller has found the chat within the viewer's rights. The service window is the customer's on that connector, so it
/// counts their last message in any of their chats there (WhatsApp counts it so), without showing those chats.
/// </summary>
public static class SendTargets
{
    /// <summary>
    /// The part of the rule the detail has already read, so a chat that cannot be written from costs no query (most are
    /// inbound or closed); <see cref="FindAsync"/> decides the rest.
    /// </summary>
    public static bool CouldBeOne(Detail.InteractionData interaction) =>
        interaction.Direction == InteractionDirection.Out && interaction.ClosedTime is null
        && interaction.AnonymizedAt is null && interaction.CustomerNumber is not null;

    public static Task<SendTarget?> FindAsync(WapListingDbContext db, long interactionId, int userId, CancellationToken cancellationToken) =>
        db.Interactions.AsNoTracking()
            .Where(i => i.Id == interactionId
                && i.Direction == InteractionDirection.Out
                && i.ClosedTime == null
                && i.AnonymizedAt == null
                && i.CustomerNumber != null
                && i.ConnectorId != null
                && i.Activities.Any(a => a.UserId == userId && a.ClosedAt == null))
            .Select(i => new SendTarget(
                i.Id,
                i.Name,
                i.ConnectorId!.Value,
                i.CustomerNumber!,
                i.Connector!.WhatsAppPhoneNumberId,
                i.Connector.ProtectedAccessToken,
                i.Connector.IsActive,
                db.Messages
                    .Where(m => m.Direction == MessageDirection.CustomerToAgent
                        && db.Interactions.Any(o => o.Id == m.InteractionId && o.CustomerNumber == i.CustomerNumber && o.ConnectorId == i.ConnectorId))
                    .Max(m => (DateTimeOffset?)m.Time),
                db.WhatsAppTemplates
                    .Where(t => t.ConnectorId == i.ConnectorId)
                    .OrderBy(t => t.Name).ThenBy(t => t.Language)
                    .Select(t => new TemplateOption(t.Id, t.Name, t.Language, t.Category, t.Body, t.ParameterCount))
                    .ToList()))
            .FirstOrDefaultAsync(cancellationToken);
}
