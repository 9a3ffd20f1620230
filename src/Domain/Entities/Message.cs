namespace WapListing.Domain.Entities;

/// <summary>One line of the chat transcript.</summary>
public class Message
{
    public long Id { get; set; }
    public long InteractionId { get; set; }
    public DateTimeOffset Time { get; set; }
    public MessageDirection Direction { get; set; }
    public int? AuthorUserId { get; set; }
    /// <summary>Display name of the author as shown in the transcript (customer profile name, agent, bot).</summary>
    public string? AuthorName { get; set; }
    public MessageType Type { get; set; }
    /// <summary>Text, or caption of media.</summary>
    public string? Text { get; set; }
    /// <summary>WhatsApp's message id; unique, makes ingestion idempotent.</summary>
    public required string WhatsAppMessageId { get; set; }
    public DeliveryStatus DeliveryStatus { get; set; }
    /// <summary>WhatsApp's error of a failed message (e.g. 131047 re-engagement required).</summary>
    public int? DeliveryErrorCode { get; set; }
    public string? DeliveryErrorTitle { get; set; }
    /// <summary>A media id still to be fetched from the Graph API; null once fetched or when the fetch gave up.</summary>
    public string? PendingMediaId { get; set; }
    public ICollection<MessageAttachment> Attachments { get; set; } = [];
}
