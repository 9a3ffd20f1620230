namespace WapListing.Domain.Entities;

/// <summary>One step of "Wap processing": the path the interaction took through the contact centre.</summary>
public class ProcessingEvent
{
    public long Id { get; set; }
    public long InteractionId { get; set; }
    public DateTimeOffset Time { get; set; }
    public ProcessingEventKind Kind { get; set; }
    public int? QueueId { get; set; }
    public Queue? Queue { get; set; }
    public int? UserId { get; set; }
    public User? User { get; set; }
    public string? Detail { get; set; }
}
