using System.Globalization;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.WhatsApp;

/// <summary>A customer's message from the webhook, as the transcript stores it.</summary>
public sealed record InboundMessage(
    string PhoneNumberId,
    string CustomerKey,
    string? CustomerNumber,
    string? ProfileName,
    string WhatsAppMessageId,
    DateTimeOffset Time,
    MessageType Type,
    string? Text,
    InboundMedia? Media);

/// <summary>Media arrive as ids; the bytes are fetched from the Graph API afterwards.</summary>
public sealed record InboundMedia(string MediaId, string ContentType, string FileName);

/// <summary>
/// A delivery status of one of the business's messages, with the callback data the app sent the message with
/// (<c>biz_opaque_callback_data</c>): it recognises a message whose send answer was lost.
/// </summary>
public sealed record InboundStatus(
    string PhoneNumberId,
    string WhatsAppMessageId,
    DeliveryStatus Status,
    DateTimeOffset Time,
    int? ErrorCode,
    string? ErrorTitle,
    string? CallbackData = null);

/// <summary>What one webhook body says, in the app's terms; parts it cannot use are counted, never silently lost.</summary>
public sealed record WebhookContent(IReadOnlyList<InboundMessage> Messages, IReadOnlyList<InboundStatus> Statuses, int Ignored);

/// <summary>
/// Reads Meta's payload (DESIGN §9 A) into messages and statuses. The customer key is <c>wa_id</c> or, for customers
/// with a username and no visible number, the business-scoped user id — never assume <c>wa_id</c> is there.
/// </summary>
public static class WebhookReading
{
    /// <summary>Prefix of customer keys that are business-scoped user ids rather than phone numbers.</summary>
    public const string BusinessScopedPrefix = "bsuid:";

    public static WebhookContent Read(WebhookPayload payload)
    {
        var messages = new List<InboundMessage>();
        var statuses = new List<InboundStatus>();
        var ignored = 0;
        foreach (var change in (payload.Entry ?? []).SelectMany(e => e.Changes ?? []))
        {
            if (change.Field != "messages" || change.Value?.Metadata?.PhoneNumberId is not { } phoneNumberId)
            {
                ignored++;
                continue;
            }

            var contacts = change.Value.Contacts ?? [];
            foreach (var message in change.Value.Messages ?? [])
            {
                if (ReadMessage(phoneNumberId, message, contacts) is { } read)
                {
                    messages.Add(read);
                }
                else
                {
                    ignored++;
                }
            }

            foreach (var status in change.Value.Statuses ?? [])
            {
                if (ReadStatus(phoneNumberId, status) is { } read)
                {
                    statuses.Add(read);
                }
                else
                {
                    ignored++;
                }
            }
        }

        return new WebhookContent(messages, statuses, ignored);
    }

    private static InboundMessage? ReadMessage(string phoneNumberId, WebhookMessage m, IReadOnlyList<WebhookContact> contacts)
    {
        if (string.IsNullOrEmpty(m.Id) || Time(m.Timestamp) is not { } time)
        {
            return null;
        }

        var contact = contacts.FirstOrDefault(c => (m.From is not null && c.WaId == m.From) || (m.FromUserId is not null && c.UserId == m.FromUserId))
            ?? (contacts.Count == 1 ? contacts[0] : null);
        var waId = m.From ?? contact?.WaId;
        var userId = m.FromUserId ?? contact?.UserId;
        var customerKey = waId is not null ? "+" + waId : userId is not null ? BusinessScopedPrefix + userId : null;
        if (customerKey is null)
        {
            return null;
        }

        var (type, text, media) = Content(m);
        return new InboundMessage(
            phoneNumberId, customerKey, waId is null ? null : "+" + waId, contact?.Profile?.Name ?? contact?.Profile?.Username,
            m.Id, time, type, text, media);
    }

    private static (MessageType Type, string? Text, InboundMedia? Media) Content(WebhookMessage m) => m.Type switch
    {
        "text" => (MessageType.Text, m.Text?.Body, null),
        "image" => (MessageType.Image, m.Image?.Caption, Media(m.Image, "image")),
        "video" => (MessageType.Video, m.Video?.Caption, Media(m.Video, "video")),
        "audio" => (MessageType.Audio, null, Media(m.Audio, m.Audio?.Voice == true ? "voice" : "audio")),
        "voice" => (MessageType.Audio, null, Media(m.Audio, "voice")),
        "sticker" => (MessageType.Sticker, null, Media(m.Sticker, "sticker")),
        "document" => (MessageType.Document, m.Document?.Caption, Media(m.Document, "document")),
        "location" => (MessageType.Location, Location(m.Location), null),
        "reaction" => (MessageType.Reaction, m.Reaction?.Emoji, null),
        "contacts" => (MessageType.Contacts, SharedContacts(m.Contacts), null),
        "interactive" => (MessageType.Interactive, Reply(m.Interactive), null),
        "button" => (MessageType.Interactive, m.Button?.Text ?? m.Button?.Payload, null),
        _ => (MessageType.Unsupported, m.Errors?.FirstOrDefault()?.Title ?? m.Type, null),
    };

    private static InboundMedia? Media(WebhookMedia? media, string kind)
    {
        if (media?.Id is not { Length: > 0 } id)
        {
            return null;
        }

        var contentType = string.IsNullOrWhiteSpace(media.MimeType) ? "application/octet-stream" : media.MimeType.Split(';')[0].Trim();
        var fileName = !string.IsNullOrWhiteSpace(media.FileName) ? Path.GetFileName(media.FileName) : kind + Extension(contentType);
        return new InboundMedia(id, contentType, fileName);
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "video/mp4" => ".mp4",
        "video/3gpp" => ".3gp",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" => ".m4a",
        "audio/aac" => ".aac",
        "application/pdf" => ".pdf",
        _ => string.Empty,
    };

    private static string? Location(WebhookLocation? location)
    {
        if (location is null)
        {
            return null;
        }

        var coordinates = location is { Latitude: { } lat, Longitude: { } lon }
            ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}")
            : null;
        return string.Join(" · ", new[] { location.Name, location.Address, coordinates }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private static string? SharedContacts(IReadOnlyList<WebhookSharedContact>? contacts) =>
        contacts is null ? null : string.Join("; ", contacts.Select(c =>
            string.Join(" ", new[] { c.Name?.FormattedName }.Concat((c.Phones ?? []).Select(p => p.Phone)).Where(p => !string.IsNullOrWhiteSpace(p)))));

    private static string? Reply(WebhookInteractive? interactive)
    {
        var reply = interactive?.ButtonReply ?? interactive?.ListReply;
        return reply is null ? null : string.IsNullOrWhiteSpace(reply.Description) ? reply.Title : $"{reply.Title} — {reply.Description}";
    }

    private static InboundStatus? ReadStatus(string phoneNumberId, WebhookStatus s)
    {
        DeliveryStatus? status = s.Status switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (status is null || string.IsNullOrEmpty(s.Id) || Time(s.Timestamp) is not { } time)
        {
            return null;
        }

        var error = s.Errors?.FirstOrDefault();
        var callbackData = s.CallbackData is { Length: > 0 and <= 512 } data ? data : null;
        return new InboundStatus(phoneNumberId, s.Id, status.Value, time, error?.Code, error?.Title ?? error?.Message, callbackData);
    }

    private static DateTimeOffset? Time(string? unixSeconds) =>
        long.TryParse(unixSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
