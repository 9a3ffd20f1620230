using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Sending;
using WapListing.Web.Identity;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail;

/// <summary>
/// The detail of one interaction found by its own name or one of its activities' names, within the
/// viewer's rights (else null: the same 404 for unknown and foreign). Another interaction it names (the one that
/// contacted it back) is read through the rights rule too. A fixed four round trips (five for an outbound chat: its sends).
/// </summary>
public sealed class InteractionDetailQuery(WapListingDbContext db, CurrentViewer viewer, ViewerAccess access)
{
    public const int MaxNameLength = 100;

    public async Task<InteractionDetail?> LoadAsync(string? requestedName, CancellationToken cancellationToken)
    {
        var name = (requestedName ?? string.Empty).Trim().ToLowerInvariant();
        // A name with characters the database cannot store cannot exist: not found, like any unknown name.
        if (name.Length is 0 or > MaxNameLength || !StorableText.IsStorable(name))
        {
            return null;
        }

        var rights = await viewer.GetRightsAsync(cancellationToken);
        var visible = db.Interactions.VisibleTo(rights);
        var interaction = await visible.AsNoTracking()
            .Where(i => i.Name == name || i.Activities.Any(a => a.Name == name))
            .Select(i => new InteractionData(
                i.Id, i.Name, i.Time, i.Direction,
                i.Queue != null ? i.Queue.Name : null,
                i.User != null ? i.User.DisplayName : null,
                i.Connector != null ? i.Connector.Name : null,
                i.Connector != null ? i.Connector.PhoneNumber : null,
                i.CustomerNumber, i.WhatsAppContact, i.ContactId,
                i.Contact != null ? i.Contact.Name : null,
                i.Answered, i.WaitTime, i.Duration, i.TalkTime, i.EndedBy, i.MissedState, i.MissedTime, i.ClosedTime,
                visible.Where(c => c.Id == i.ContactedBackById).Select(c => c.Name).FirstOrDefault(),
                i.AnonymizedAt,
                i.IsDraft,
                i.Activities.Any(a => a.ClosedAt == null),
                i.Messages.Any()))
            .FirstOrDefaultAsync(cancellationToken);
        if (interaction is null)
        {
            return null;
        }

        var seeAll = await access.SeesAllQaReviewsAsync();
        var viewerId = viewer.UserId;
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.InteractionId == interaction.Id)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new ActivityItem(
                a.Id, a.Name,
                a.User != null ? a.User.DisplayName : null, a.UserId,
                a.Queue != null ? a.Queue.Name : null,
                a.Status, a.CreatedAt, a.ClosedAt, a.Duration, a.FocusTime, a.FocusInterruptions, a.TimeAnomaly,
                a.ContactId, a.Contact != null ? a.Contact.Name : null,
                a.Contact != null ? a.Contact.CompanyId : null,
                a.Contact != null && a.Contact.Company != null ? a.Contact.Company.Name : null,
                a.TicketId, a.Ticket != null ? a.Ticket.Number : null, a.Ticket != null ? a.Ticket.Title : null,
                a.QaReviews
                    .Where(r => seeAll || a.UserId == viewerId)
                    .OrderBy(r => r.Time)
                    .Select(r => new QaReviewItem(r.Id, r.Reviewer!.DisplayName, r.ReviewerId, r.Time, r.Score, r.Comment))
                    .ToList()))
            .ToListAsync(cancellationToken);

        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.InteractionId == interaction.Id)
            .OrderBy(m => m.Time).ThenBy(m => m.Id)
            .Select(m => new MessageItem(
                m.Id, m.Time, m.Direction, m.AuthorName, m.Type, m.Text, m.DeliveryStatus, m.DeliveryErrorCode, m.DeliveryErrorTitle,
                m.PendingMediaId != null,
                m.Attachments.OrderBy(x => x.Id).Select(x => new AttachmentItem(x.Id, x.FileName, x.ContentType, x.Size, x.FetchError)).ToList()))
            .ToListAsync(cancellationToken);

        var events = await db.ProcessingEvents.AsNoTracking()
            .Where(e => e.InteractionId == interaction.Id)
            .OrderBy(e => e.Time).ThenBy(e => e.Id)
            .Select(e => new ProcessingEventItem(e.Time, e.Kind, e.Queue != null ? e.Queue.Name : null, e.User != null ? e.User.DisplayName : null, e.Detail))
            .ToListAsync(cancellationToken);

        // Only chats written from the app have sends; those not in the transcript (waiting, refused, unconfirmed) show beside it.
        var sendAttempts = interaction.Direction == InteractionDirection.Out
            ? await db.OutboundSends.AsNoTracking()
                .Where(s => s.InteractionId == interaction.Id && s.State != OutboundSendState.Accepted)
                .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
                .Select(s => new SendAttemptItem(
                    s.CreatedAt,
                    db.Users.Where(u => u.Id == s.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                    s.Text, s.State, s.Problem, s.ErrorCode, s.ErrorTitle))
                .ToListAsync(cancellationToken)
            : [];

        return new InteractionDetail(interaction, activities, messages, events, name, sendAttempts);
    }
}
