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
    int? DeliveryErrorCode,
    string? DeliveryErrorTitle,
    bool MediaPending,
    IReadOnlyList<AttachmentItem> Attachments);
