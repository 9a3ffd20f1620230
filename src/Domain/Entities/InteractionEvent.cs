using WapListing.Domain.Figures;

namespace WapListing.Domain.Entities;

/// <summary>
/// One stored event of an interaction, from the events API or the webhook (DESIGN §9 B). The figures of the interaction
/// are recomputed from all of its events (<see cref="InteractionFigures"/>).
/// </summary>
public class InteractionEvent
{
    public long Id { get; set; }
    /// <summary>The sender's idempotency id (webhook messages: <c>wa:</c> + the WhatsApp message id).</summary>
    public required string EventId { get; set; }
    public long InteractionId { get; set; }
    public FigureEventType Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public int? UserId { get; set; }
    public int? QueueId { get; set; }
    public string? ActivityName { get; set; }
    public EndedBy? EndedBy { get; set; }
    /// <summary>What else the sender said (notes, transfer reason), as JSON.</summary>
    public string? Detail { get; set; }

    public FigureEvent ToFigureEvent() => new(EventId, Type, OccurredAt, UserId, QueueId, ActivityName, EndedBy);
}
