using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Domain.Figures;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Ingestion;
using WapListing.Infrastructure.Missed;

namespace WapListing.Web.Features.Sending;

/// <summary>
/// What follows once WhatsApp has accepted a message (its id known), in one transaction: the outbox row becomes
/// accepted, the transcript gets the message, a draft becomes a real outbound chat, its events go through the projection
/// like any other chat's (<see cref="InteractionProjection"/>), statuses that came first are applied, and the missed chat
/// it answers becomes contacted back (<see cref="ContactedBack"/>). Called by the send request and by the recovery of
/// sends whose answer was lost; whichever comes second finds the row no longer waiting and changes nothing.
/// </summary>
public static class SendConfirmation
{
    /// <summary>Event id prefix of the step that makes an app-started chat outbound (its tA).</summary>
    public const string CreatedEventPrefix = "app-created:";

    /// <summary>Returns false when the send was confirmed (or refused) before.</summary>
    public static async Task<bool> ConfirmAsync(WapListingDbContext db, long sendId, string whatsAppMessageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var send = await db.OutboundSends.AsNoTracking().FirstAsync(s => s.Id == sendId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var interaction = await db.Interactions.Include(i => i.Activities).FirstAsync(i => i.Id == send.InteractionId, cancellationToken);
        await IngestionLocks.AcquireAsync(
            db,
            [
                IngestionLocks.Customer(interaction.ConnectorId, interaction.CustomerKey ?? interaction.CustomerNumber ?? string.Empty),
                IngestionLocks.Interaction(interaction.Name),
                IngestionLocks.WhatsAppMessage(whatsAppMessageId),
            ],
            cancellationToken);
        var claimed = await db.OutboundSends
            .Where(s => s.Id == sendId && (s.State == OutboundSendState.Pending || s.State == OutboundSendState.Unconfirmed))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(s => s.State, OutboundSendState.Accepted)
                    .SetProperty(s => s.WhatsAppMessageId, whatsAppMessageId)
                    .SetProperty(s => s.CompletedAt, now),
                cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        // Reloaded under the locks: ingestion may have changed the chat meanwhile.
        await db.Entry(interaction).ReloadAsync(cancellationToken);
        var author = send.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var message = new Message
        {
            InteractionId = interaction.Id,
            Time = send.CreatedAt,
            Direction = MessageDirection.AgentToCustomer,
            AuthorUserId = send.UserId,
            AuthorName = author,
            Type = MessageType.Text,
            Text = send.Text,
            WhatsAppMessageId = whatsAppMessageId,
            DeliveryStatus = DeliveryStatus.Sent,
        };
        db.Messages.Add(message);

        var events = new List<InteractionEvent>();
        if (interaction.IsDraft)
        {
            interaction.IsDraft = false;
            events.Add(new InteractionEvent
            {
                EventId = CreatedEventPrefix + interaction.Name,
                InteractionId = interaction.Id,
                Type = FigureEventType.CreatedOutbound,
                OccurredAt = interaction.Time,
                ReceivedAt = now,
                UserId = interaction.UserId,
                QueueId = interaction.QueueId,
                ActivityName = interaction.Activities.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).FirstOrDefault()?.Name,
            });
        }

        events.Add(new InteractionEvent
        {
            EventId = "wa:" + whatsAppMessageId,
            InteractionId = interaction.Id,
            Type = FigureEventType.AgentMessage,
            OccurredAt = send.CreatedAt,
            ReceivedAt = now,
            UserId = send.UserId,
        });
        await db.SaveChangesAsync(cancellationToken);
        await InteractionEventStore.InsertNewAsync(db, events, cancellationToken);
        await WhatsAppIngestion.ApplyReportedStatusesAsync(db, [message], cancellationToken);
        await InteractionProjection.RecomputeAsync(db, [interaction.Id], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await ContactedBack.ApplyAsync(db, interaction.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
