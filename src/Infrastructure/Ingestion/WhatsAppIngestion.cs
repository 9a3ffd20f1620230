using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Domain.Figures;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Infrastructure.Ingestion;

/// <summary>A webhook names a phone number id no connector has: kept in the inbox and reported, not dropped.</summary>
public sealed class UnknownPhoneNumberException(string phoneNumberId)
    : Exception($"No connector has the WhatsApp phone number id {phoneNumberId}.");

/// <summary>
/// Stores what one webhook body says (DESIGN §9 A), inside the caller's transaction: customers' messages go to their
/// open chat on that connector or start a new one in its default queue; statuses move the business's messages forward.
/// Safe to run twice on the same body and concurrently with other bodies: work on one customer and on one WhatsApp
/// message id is serialised with transaction-scoped advisory locks, and message ids are unique.
/// </summary>
public sealed class WhatsAppIngestion(WapListingDbContext db, TimeProvider clock)
{
    /// <summary>Event id prefix of the queueing step a new chat from the webhook gets (before the routing engine says more).</summary>
    public const string QueuedEventPrefix = "wa-queued:";

    public async Task IngestAsync(WebhookContent content, CancellationToken cancellationToken)
    {
        var connectors = new Dictionary<string, Connector>(StringComparer.Ordinal);
        var touched = new HashSet<long>();
        foreach (var message in content.Messages.OrderBy(m => m.Time).ThenBy(m => m.WhatsAppMessageId, StringComparer.Ordinal))
        {
            var connector = await ConnectorAsync(connectors, message.PhoneNumberId, cancellationToken);
            if (await AddMessageAsync(connector, message, cancellationToken) is { } interactionId)
            {
                touched.Add(interactionId);
            }
        }

        foreach (var status in content.Statuses)
        {
            await ConnectorAsync(connectors, status.PhoneNumberId, cancellationToken);
            await AddStatusAsync(status, cancellationToken);
        }

        foreach (var interactionId in touched)
        {
            await InteractionProjection.RecomputeAsync(db, interactionId, clock.GetUtcNow(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Applies every status reported for a message (also those that came before it); the caller holds its lock.</summary>
    public static async Task ApplyReportedStatusesAsync(WapListingDbContext db, Message message, CancellationToken cancellationToken)
    {
        var reports = await db.DeliveryStatusReports.AsNoTracking()
            .Where(r => r.WhatsAppMessageId == message.WhatsAppMessageId)
            .ToListAsync(cancellationToken);
        foreach (var report in reports.OrderBy(r => r.Time))
        {
            var advanced = DeliveryProgress.Advance(message.DeliveryStatus, report.Status);
            if (advanced != message.DeliveryStatus && advanced == DeliveryStatus.Failed)
            {
                message.DeliveryErrorCode = report.ErrorCode;
                message.DeliveryErrorTitle = report.ErrorTitle;
            }

            message.DeliveryStatus = advanced;
        }
    }

    /// <summary>Serialises work on one key until the transaction ends.</summary>
    public static Task LockAsync(WapListingDbContext db, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);

    private async Task<Connector> ConnectorAsync(Dictionary<string, Connector> known, string phoneNumberId, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(phoneNumberId, out var connector))
        {
            connector = await db.Connectors.AsNoTracking().SingleOrDefaultAsync(c => c.WhatsAppPhoneNumberId == phoneNumberId, cancellationToken)
                ?? throw new UnknownPhoneNumberException(phoneNumberId);
            known[phoneNumberId] = connector;
        }

        return connector;
    }

    private async Task<long?> AddMessageAsync(Connector connector, InboundMessage inbound, CancellationToken cancellationToken)
    {
        await LockAsync(db, $"customer:{connector.Id}:{inbound.CustomerKey}", cancellationToken);
        await LockAsync(db, "wamid:" + inbound.WhatsAppMessageId, cancellationToken);
        if (await db.Messages.AnyAsync(m => m.WhatsAppMessageId == inbound.WhatsAppMessageId, cancellationToken))
        {
            return null;
        }

        var interaction = await db.Interactions
            .Where(i => i.ConnectorId == connector.Id && i.CustomerKey == inbound.CustomerKey && i.ClosedTime == null && !i.IsDraft)
            .OrderByDescending(i => i.Time)
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (interaction is null)
        {
            interaction = new Interaction
            {
                Name = EntityNames.New(Interaction.NamePrefix),
                Time = inbound.Time,
                Direction = InteractionDirection.In,
                QueueId = connector.DefaultQueueId,
                ConnectorId = connector.Id,
                CustomerKey = inbound.CustomerKey,
                CustomerNumber = inbound.CustomerNumber,
                WhatsAppContact = inbound.ProfileName,
            };
            db.Interactions.Add(interaction);
            await db.SaveChangesAsync(cancellationToken);
            db.InteractionEvents.Add(new InteractionEvent
            {
                EventId = QueuedEventPrefix + inbound.WhatsAppMessageId,
                InteractionId = interaction.Id,
                Type = FigureEventType.Queued,
                OccurredAt = inbound.Time,
                ReceivedAt = now,
                QueueId = connector.DefaultQueueId,
            });
        }
        else if (!string.IsNullOrWhiteSpace(inbound.ProfileName) && interaction.AnonymizedAt is null)
        {
            interaction.WhatsAppContact = inbound.ProfileName;
        }

        db.InteractionEvents.Add(new InteractionEvent
        {
            EventId = "wa:" + inbound.WhatsAppMessageId,
            InteractionId = interaction.Id,
            Type = FigureEventType.CustomerMessage,
            OccurredAt = inbound.Time,
            ReceivedAt = now,
        });
        var message = new Message
        {
            InteractionId = interaction.Id,
            Time = inbound.Time,
            Direction = MessageDirection.CustomerToAgent,
            AuthorName = inbound.ProfileName,
            Type = inbound.Type,
            Text = inbound.Text,
            WhatsAppMessageId = inbound.WhatsAppMessageId,
            DeliveryStatus = DeliveryStatus.Delivered,
            PendingMediaId = inbound.Media?.MediaId,
        };
        if (inbound.Media is { } media)
        {
            message.Attachments.Add(new MessageAttachment { FileName = media.FileName, ContentType = media.ContentType });
        }

        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        return interaction.Id;
    }

    private async Task AddStatusAsync(InboundStatus status, CancellationToken cancellationToken)
    {
        await LockAsync(db, "wamid:" + status.WhatsAppMessageId, cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO delivery_status_reports (whats_app_message_id, status, time, error_code, error_title)
            VALUES ({status.WhatsAppMessageId}, {status.Status.ToString()}, {status.Time}, {status.ErrorCode}, {Truncate(status.ErrorTitle, 300)})
            ON CONFLICT (whats_app_message_id, status) DO NOTHING
            """,
            cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.WhatsAppMessageId == status.WhatsAppMessageId, cancellationToken);
        if (message is not null)
        {
            await ApplyReportedStatusesAsync(db, message, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
