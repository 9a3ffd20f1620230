using System.Text.Json;
using System.Text.Json.Serialization;

namespace WapListing.Infrastructure.WhatsApp;

/// <summary>
/// The WhatsApp Business Platform (Cloud API) webhook body as Meta documents it: <c>entry[].changes[].value</c> with
/// <c>metadata</c>, <c>contacts</c>, <c>messages</c> and <c>statuses</c>. Only what the app uses is declared; unknown
/// fields are ignored so new ones from Meta never break ingestion.
/// </summary>
public sealed record WebhookPayload(
    [property: JsonPropertyName("object")] string? Object,
    [property: JsonPropertyName("entry")] IReadOnlyList<WebhookEntry>? Entry)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebhookPayload Parse(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize<WebhookPayload>(body, Json) ?? throw new JsonException("The webhook body is null.");
}

public sealed record WebhookEntry(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("changes")] IReadOnlyList<WebhookChange>? Changes);

public sealed record WebhookChange(
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("value")] WebhookValue? Value);

public sealed record WebhookValue(
    [property: JsonPropertyName("messaging_product")] string? MessagingProduct,
    [property: JsonPropertyName("metadata")] WebhookMetadata? Metadata,
    [property: JsonPropertyName("contacts")] IReadOnlyList<WebhookContact>? Contacts,
    [property: JsonPropertyName("messages")] IReadOnlyList<WebhookMessage>? Messages,
    [property: JsonPropertyName("statuses")] IReadOnlyList<WebhookStatus>? Statuses);

public sealed record WebhookMetadata(
    [property: JsonPropertyName("display_phone_number")] string? DisplayPhoneNumber,
    [property: JsonPropertyName("phone_number_id")] string? PhoneNumberId);

/// <summary>A customer: <c>wa_id</c> (their number) or, for users with a username, only the business-scoped <c>user_id</c>.</summary>
public sealed record WebhookContact(
    [property: JsonPropertyName("wa_id")] string? WaId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("profile")] WebhookProfile? Profile);

public sealed record WebhookProfile(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("username")] string? Username);

public sealed record WebhookMessage(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("from_user_id")] string? FromUserId,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("text")] WebhookText? Text,
    [property: JsonPropertyName("image")] WebhookMedia? Image,
    [property: JsonPropertyName("video")] WebhookMedia? Video,
    [property: JsonPropertyName("audio")] WebhookMedia? Audio,
    [property: JsonPropertyName("sticker")] WebhookMedia? Sticker,
    [property: JsonPropertyName("document")] WebhookMedia? Document,
    [property: JsonPropertyName("location")] WebhookLocation? Location,
    [property: JsonPropertyName("reaction")] WebhookReaction? Reaction,
    [property: JsonPropertyName("contacts")] IReadOnlyList<WebhookSharedContact>? Contacts,
    [property: JsonPropertyName("interactive")] WebhookInteractive? Interactive,
    [property: JsonPropertyName("button")] WebhookButton? Button,
    [property: JsonPropertyName("errors")] IReadOnlyList<WebhookError>? Errors);

public sealed record WebhookText([property: JsonPropertyName("body")] string? Body);

public sealed record WebhookMedia(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("mime_type")] string? MimeType,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("caption")] string? Caption,
    [property: JsonPropertyName("filename")] string? FileName,
    [property: JsonPropertyName("voice")] bool? Voice,
    [property: JsonPropertyName("animated")] bool? Animated);

public sealed record WebhookLocation(
    [property: JsonPropertyName("latitude")] double? Latitude,
    [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("address")] string? Address);

public sealed record WebhookReaction(
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("emoji")] string? Emoji);

public sealed record WebhookSharedContact(
    [property: JsonPropertyName("name")] WebhookSharedContactName? Name,
    [property: JsonPropertyName("phones")] IReadOnlyList<WebhookSharedContactPhone>? Phones);

public sealed record WebhookSharedContactName([property: JsonPropertyName("formatted_name")] string? FormattedName);

public sealed record WebhookSharedContactPhone([property: JsonPropertyName("phone")] string? Phone);

public sealed record WebhookInteractive(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("button_reply")] WebhookReply? ButtonReply,
    [property: JsonPropertyName("list_reply")] WebhookReply? ListReply);

public sealed record WebhookReply(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description")] string? Description);

public sealed record WebhookButton(
    [property: JsonPropertyName("payload")] string? Payload,
    [property: JsonPropertyName("text")] string? Text);

public sealed record WebhookStatus(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("recipient_id")] string? RecipientId,
    [property: JsonPropertyName("recipient_user_id")] string? RecipientUserId,
    [property: JsonPropertyName("errors")] IReadOnlyList<WebhookError>? Errors,
    [property: JsonPropertyName("biz_opaque_callback_data")] string? CallbackData = null);

public sealed record WebhookError(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("message")] string? Message);
