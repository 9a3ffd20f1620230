using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Detail;

public sealed record MessageItem(
    long Id,
    DateTimeOffset Time,
    MessageDirection Direction,
    string? Author,
    MessageType Type,
    string? Text,
    DeliveryStatus DeliveryStatus,
    IReadOnlyList<AttachmentItem> Attachments);
