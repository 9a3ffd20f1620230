namespace WapListing.Domain.Entities;

/// <summary>
/// A delivery status WhatsApp reported for one of the business's messages. Kept on its own so a status that arrives
/// before its message is applied when the message does.
/// </summary>
public class DeliveryStatusReport
{
    public long Id { get; set; }
    public required string WhatsAppMessageId { get; set; }
    public DeliveryStatus Status { get; set; }
    public DateTimeOffset Time { get; set; }
    public int? ErrorCode { get; set; }
    public string? ErrorTitle { get; set; }
    /// <summary>What the app sent the message with as <c>biz_opaque_callback_data</c>; finds a message whose send answer was lost.</summary>
    public string? CallbackData { get; set; }
}
