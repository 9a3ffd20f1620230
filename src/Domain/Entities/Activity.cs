namespace WapListing.Domain.Entities;

/// <summary>An agent's work on an interaction (tB…tD).</summary>
public class Activity
{
    public const string NamePrefix = "activities_";

    public long Id { get; set; }
    public required string Name { get; set; }
    public long InteractionId { get; set; }
    public Interaction? Interaction { get; set; }
    public ActivityType Type { get; set; } = ActivityType.Wap;
    public int? UserId { get; set; }
    public User? User { get; set; }
    public int? QueueId { get; set; }
    public Queue? Queue { get; set; }
    public ActivityStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Seconds.</summary>
    public int Duration { get; set; }
    /// <summary>Seconds the agent spent with this activity's card focused.</summary>
    public int FocusTime { get; set; }
    public int FocusInterruptions { get; set; }
    /// <summary>Focus time may be inaccurate (computer shut down, connection lost).</summary>
    public bool TimeAnomaly { get; set; }
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public int? TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public string? Notes { get; set; }
    public ICollection<QaReview> QaReviews { get; set; } = [];
}
