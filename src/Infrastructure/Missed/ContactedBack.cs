using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Infrastructure.Missed;

/// <summary>
/// The one rule that makes a missed chat "contacted back" (DESIGN §9 B): a missed chat still shown among the missed ones
/// (<see cref="MissedState.Shown"/>, "1") becomes <see cref="MissedState.ContactedBack"/> ("NO"), linked to the chat
/// that did it, once that chat holds an outbound message (agent → customer, a real <see cref="Message"/> row that did
/// not fail) to the same customer number on the same connector, sent after the missed time. Starting a draft in the app
/// sends nothing and so changes nothing; whatever stores an outbound message (sending, ingestion) calls this afterwards.
/// Idempotent: a chat already contacted back (or removed from the missed ones) is left as it is.
/// </summary>
public static class ContactedBack
{
    /// <summary>Applies the rule to the missed chats that <paramref name="outboundInteractionId"/>'s outbound messages answer; returns how many changed.</summary>
    public static async Task<int> ApplyAsync(WapListingDbContext db, long outboundInteractionId, CancellationToken cancellationToken)
    {
        var outbound = await db.Interactions.AsNoTracking()
            .Where(i => i.Id == outboundInteractionId && i.CustomerNumber != null && i.ConnectorId != null)
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.CustomerNumber,
                i.ConnectorId,
                i.QueueId,
                i.UserId,
                Sent = i.Messages
                    .Where(m => m.Direction == MessageDirection.AgentToCustomer && m.DeliveryStatus != DeliveryStatus.Failed)
                    .OrderBy(m => m.Time)
                    .Select(m => new { m.Time, m.AuthorUserId })
                    .ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (outbound is null || outbound.Sent.Count == 0)
        {
            return 0;
        }

        var lastSent = outbound.Sent[^1].Time;
        var missed = await db.Interactions
            .Where(i => i.Id != outbound.Id
                && i.MissedState == MissedState.Shown
                && i.CustomerNumber == outbound.CustomerNumber
                && i.ConnectorId == outbound.ConnectorId
                && (i.MissedTime ?? i.Time) < lastSent)
            .ToListAsync(cancellationToken);
        foreach (var chat in missed)
        {
            var first = outbound.Sent.First(m => m.Time > (chat.MissedTime ?? chat.Time));
            chat.MissedState = MissedState.ContactedBack;
            chat.ContactedBackById = outbound.Id;
            db.ProcessingEvents.Add(new ProcessingEvent
            {
                InteractionId = chat.Id,
                Time = first.Time,
                Kind = ProcessingEventKind.ContactedBack,
                QueueId = chat.QueueId,
                UserId = first.AuthorUserId ?? outbound.UserId,
                Detail = outbound.Name,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return missed.Count;
    }
}
