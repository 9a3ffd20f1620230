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
    public static Task<int> ApplyAsync(WapListingDbContext db, long outboundInteractionId, CancellationToken cancellationToken) =>
        ApplyAsync(db, [outboundInteractionId], cancellationToken);

    /// <summary>
    /// Applies the rule for many chats that may hold outbound messages, in two queries; a missed chat answered by several
    /// of them is linked to the one that wrote first after it was missed. Returns how many missed chats changed.
    /// </summary>
    public static async Task<int> ApplyAsync(WapListingDbContext db, IReadOnlyCollection<long> outboundInteractionIds, CancellationToken cancellationToken)
    {
        var ids = outboundInteractionIds.Distinct().ToList();
        var outbounds = await db.Interactions.AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.CustomerNumber != null && i.ConnectorId != null
                && i.Messages.Any(m => m.Direction == MessageDirection.AgentToCustomer && m.DeliveryStatus != DeliveryStatus.Failed))
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.CustomerNumber,
                i.ConnectorId,
                i.UserId,
                Sent = i.Messages
                    .Where(m => m.Direction == MessageDirection.AgentToCustomer && m.DeliveryStatus != DeliveryStatus.Failed)
                    .OrderBy(m => m.Time)
                    .Select(m => new { m.Time, m.AuthorUserId })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        if (outbounds.Count == 0)
        {
            return 0;
        }

        var numbers = outbounds.Select(o => o.CustomerNumber!).Distinct().ToList();
        var missed = await db.Interactions
            .Where(i => i.MissedState == MissedState.Shown && i.CustomerNumber != null && numbers.Contains(i.CustomerNumber))
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var chat in missed)
        {
            var missedAt = chat.MissedTime ?? chat.Time;
            var answer = outbounds
                .Where(o => o.Id != chat.Id && o.CustomerNumber == chat.CustomerNumber && o.ConnectorId == chat.ConnectorId)
                .Select(o => (Outbound: o, First: o.Sent.FirstOrDefault(m => m.Time > missedAt)))
                .Where(a => a.First is not null)
                .OrderBy(a => a.First!.Time)
                .FirstOrDefault();
            if (answer.Outbound is null)
            {
                continue;
            }

            chat.MissedState = MissedState.ContactedBack;
            chat.ContactedBackById = answer.Outbound.Id;
            db.ProcessingEvents.Add(new ProcessingEvent
            {
                InteractionId = chat.Id,
                Time = answer.First!.Time,
                Kind = ProcessingEventKind.ContactedBack,
                QueueId = chat.QueueId,
                UserId = answer.First.AuthorUserId ?? answer.Outbound.UserId,
                Detail = answer.Outbound.Name,
            });
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
