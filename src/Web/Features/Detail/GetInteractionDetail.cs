using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Detail;

public sealed record GetInteractionDetailQuery(ViewerRights Rights, string Name, int ViewerId, bool ViewerSeesAllQaReviews);

public sealed record InteractionData(
    long Id,
    string Name,
    DateTimeOffset Time,
    InteractionDirection Direction,
    string? Queue,
    string? User,
    string? Connector,
    string? BusinessNumber,
    string? CustomerNumber,
    string? WhatsAppContact,
    int? ContactId,
    string? Contact,
    bool Answered,
    int WaitTime,
    int Duration,
    int TalkTime,
    EndedBy? EndedBy,
    MissedState MissedState,
    DateTimeOffset? MissedTime,
    DateTimeOffset? ClosedTime,
    string? ContactedBackBy,
    DateTimeOffset? AnonymizedAt);

public sealed record ActivityItem(
    long Id,
    string Name,
    string? User,
    int? UserId,
    string? Queue,
    ActivityStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    int Duration,
    int FocusTime,
    int FocusInterruptions,
    bool TimeAnomaly,
    int? ContactId,
    string? Contact,
    int? CompanyId,
    string? Company,
    int? TicketId,
    int? TicketNumber,
    string? TicketTitle,
    IReadOnlyList<QaReviewItem> QaReviews);

public sealed record QaReviewItem(int Id, string Reviewer, int ReviewerId, DateTimeOffset Time, int Score, string? Comment);

public sealed record AttachmentItem(long Id, string FileName, string ContentType, long Size);

public sealed record MessageItem(
    long Id,
    DateTimeOffset Time,
    MessageDirection Direction,
    string? Author,
    MessageType Type,
    string? Text,
    DeliveryStatus DeliveryStatus,
    IReadOnlyList<AttachmentItem> Attachments);

public sealed record ProcessingEventItem(DateTimeOffset Time, ProcessingEventKind Kind, string? Queue, string? User, string? Detail);

public sealed record InteractionDetail(
    InteractionData Interaction,
    IReadOnlyList<ActivityItem> Activities,
    IReadOnlyList<MessageItem> Messages,
    IReadOnlyList<ProcessingEventItem> Events,
    string RequestedName);

/// <summary>
/// The detail of one interaction found by its own name or one of its activities' names, within the
/// viewer's rights (else null: the same 404 for unknown and foreign). A fixed four round trips.
/// </summary>
public sealed class GetInteractionDetail(WapListingDbContext db)
{
    public async Task<InteractionDetail?> HandleAsync(GetInteractionDetailQuery query, CancellationToken cancellationToken)
    {
        var name = query.Name.Trim().ToLowerInvariant();
        if (name.Length is 0 or > 100)
        {
            return null;
        }

        var interaction = await db.Interactions.AsNoTracking()
            .VisibleTo(query.Rights)
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
                db.Interactions.Where(c => c.Id == i.ContactedBackById).Select(c => c.Name).FirstOrDefault(),
                i.AnonymizedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (interaction is null)
        {
            return null;
        }

        var seeAll = query.ViewerSeesAllQaReviews;
        var viewerId = query.ViewerId;
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
                m.Id, m.Time, m.Direction, m.AuthorName, m.Type, m.Text, m.DeliveryStatus,
                m.Attachments.OrderBy(x => x.Id).Select(x => new AttachmentItem(x.Id, x.FileName, x.ContentType, x.Size)).ToList()))
            .ToListAsync(cancellationToken);

        var events = await db.ProcessingEvents.AsNoTracking()
            .Where(e => e.InteractionId == interaction.Id)
            .OrderBy(e => e.Time).ThenBy(e => e.Id)
            .Select(e => new ProcessingEventItem(e.Time, e.Kind, e.Queue != null ? e.Queue.Name : null, e.User != null ? e.User.DisplayName : null, e.Detail))
            .ToListAsync(cancellationToken);

        return new InteractionDetail(interaction, activities, messages, events, name);
    }
}
