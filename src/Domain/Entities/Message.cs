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
    public ICollection<MessageAttachment> Attachments { get; set; } = [];
}
