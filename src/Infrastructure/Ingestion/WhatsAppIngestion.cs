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
/// Stores what webhook bodies say (DESIGN §9 A), inside the caller's transaction: customers' messages go to their open
/// chat on that connector or start a new one in its default queue; statuses move the business's messages forward.
/// Many bodies are stored together with a fixed number of round trips. Safe to run twice on the same body and
/// concurrently with other bodies: work on one customer and on one WhatsApp message id is serialised with
/// transaction-scoped advisory locks (<see cref="IngestionLocks"/>), and message ids are unique.
/// </summary>
public sealed class WhatsAppIngestion(WapListingDbContext db, TimeProvider clock)
{
    /// <summary>Event id prefix of the queueing step a new chat from the webhook gets (before the routing engine says more).</summary>
    public const string QueuedEventPrefix = "wa-queued:";

    public async Task IngestAsync(IReadOnlyCollection<WebhookContent> contents, CancellationToken cancellationToken)
    {
        var messages = contents.SelectMany(c => c.Messages)
            .DistinctBy(m => m.WhatsAppMessageId, StringComparer.Ordinal)
            .OrderBy(m => m.Time).ThenBy(m => m.WhatsAppMessageId, StringComparer.Ordinal)
            .ToList();
        var statuses = contents.SelectMany(c => c.Statuses).ToList();
        var connectors = await ConnectorsAsync(messages.Select(m => m.PhoneNumberId).Concat(statuses.Select(s => s.PhoneNumberId)), cancellationToken);
        await IngestionLocks.AcquireAsync(
            db,
            messages.Select(m => IngestionLocks.Customer(connectors[m.PhoneNumberId].Id, m.CustomerKey))
                .Concat(messages.Select(m => IngestionLocks.WhatsAppMessage(m.WhatsAppMessageId)))
                .Concat(statuses.Select(s => IngestionLocks.WhatsAppMessage(s.WhatsAppMessageId))),
            cancellationToken);
        await StoreReportsAsync(statuses, cancellationToken);

        var wamids = messages.Select(m => m.WhatsAppMessageId).ToList();
        var stored = (await db.Messages.AsNoTracking()
                .Where(m => wamids.Contains(m.WhatsAppMessageId))
                .Select(m => m.WhatsAppMessageId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var fresh = messages.Where(m => !stored.Contains(m.WhatsAppMessageId)).ToList();
        var added = await AddMessagesAsync(fresh, connectors, cancellationToken);

        var freshIds = fresh.Select(m => m.WhatsAppMessageId).ToHashSet(StringComparer.Ordinal);
        var reported = statuses.Select(s => s.WhatsAppMessageId).Where(id => !freshIds.Contains(id)).Distinct().ToList();
        var earlier = reported.Count == 0
            ? []
            : await db.Messages.Where(m => reported.Contains(m.WhatsAppMessageId)).ToListAsync(cancellationToken);
        await ApplyReportedStatusesAsync(db, [.. added, .. earlier], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        await InteractionProjection.RecomputeAsync(db, added.Select(m => m.InteractionId).ToHashSet(), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Applies every status reported for these messages (also those that came before them); the caller holds their locks.</summary>
    public static async Task ApplyReportedStatusesAsync(WapListingDbContext db, IReadOnlyCollection<Message> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var ids = messages.Select(m => m.WhatsAppMessageId).ToList();
        var reports = (await db.DeliveryStatusReports.AsNoTracking()
                .Where(r => ids.Contains(r.WhatsAppMessageId))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.WhatsAppMessageId, StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var report in reports[message.WhatsAppMessageId].OrderBy(r => r.Time))
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
    }

    private async Task<Dictionary<string, Connector>> ConnectorsAsync(IEnumerable<string> phoneNumberIds, CancellationToken cancellationToken)
    {
        var wanted = phoneNumberIds.Distinct(StringComparer.Ordinal).ToList();
        var connectors = await db.Connectors.AsNoTracking()
            .Where(c => c.WhatsAppPhoneNumberId != null && wanted.Contains(c.WhatsAppPhoneNumberId))
            .ToDictionaryAsync(c => c.WhatsAppPhoneNumberId!, StringComparer.Ordinal, cancellationToken);
        if (wanted.FirstOrDefault(id => !connectors.ContainsKey(id)) is { } unknown)
        {
            throw new UnknownPhoneNumberException(unknown);
        }

        return connectors;
    }

    /// <summary>Adds new customers' messages to their open chats, opening chats where there is none; returns the messages.</summary>
    private async Task<List<Message>> AddMessagesAsync(List<InboundMessage> fresh, Dictionary<string, Connector> connectors, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return [];
        }

        var open = await OpenChats.FindAsync(db, fresh.Select(m => ((int?)connectors[m.PhoneNumberId].Id, m.CustomerKey)), cancellationToken);
        var opened = new List<(Interaction Interaction, InboundMessage First, Connector Connector)>();
        foreach (var inbound in fresh)
        {
            var connector = connectors[inbound.PhoneNumberId];
            if (!open.TryGetValue((connector.Id, inbound.CustomerKey), out var interaction))
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
                open[(connector.Id, inbound.CustomerKey)] = interaction;
                opened.Add((interaction, inbound, connector));
            }
            else if (!string.IsNullOrWhiteSpace(inbound.ProfileName) && interaction.AnonymizedAt is null)
            {
                interaction.WhatsAppContact = inbound.ProfileName;
            }
        }

        if (opened.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var now = clock.GetUtcNow();
        foreach (var (interaction, first, connector) in opened)
        {
            db.InteractionEvents.Add(new InteractionEvent
            {
                EventId = QueuedEventPrefix + first.WhatsAppMessageId,
                InteractionId = interaction.Id,
                Type = FigureEventType.Queued,
                OccurredAt = first.Time,
                ReceivedAt = now,
                QueueId = connector.DefaultQueueId,
            });
        }

        var added = new List<Message>(fresh.Count);
        foreach (var inbound in fresh)
        {
            var interaction = open[(connectors[inbound.PhoneNumberId].Id, inbound.CustomerKey)];
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
            added.Add(message);
        }

        return added;
    }

    private async Task StoreReportsAsync(List<InboundStatus> statuses, CancellationToken cancellationToken)
    {
        var reports = statuses.DistinctBy(s => (s.WhatsAppMessageId, s.Status)).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        var ids = reports.Select(s => s.WhatsAppMessageId).ToArray();
        var kinds = reports.Select(s => s.Status.ToString()).ToArray();
        var times = reports.Select(s => s.Time.ToUniversalTime()).ToArray();
        var codes = reports.Select(s => s.ErrorCode).ToArray();
        var titles = reports.Select(s => Truncate(s.ErrorTitle, 300)).ToArray();
        var callbacks = reports.Select(s => s.CallbackData).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO delivery_status_reports (whats_app_message_id, status, time, error_code, error_title, callback_data)
            SELECT * FROM unnest({ids}, {kinds}, {times}, {codes}, {titles}, {callbacks})
            ON CONFLICT (whats_app_message_id, status) DO NOTHING
            """,
            cancellationToken);
    }

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
