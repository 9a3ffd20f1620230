namespace WapListing.Domain.Entities;

/// <summary>
/// A webhook body exactly as it arrived, committed before the 200 (DESIGN §9 A) and drained by the inbox workers.
/// A body that keeps failing is parked with its error after the last try, visible to administrators.
/// </summary>
public class WebhookInboxItem
{
    public long Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The raw bytes whose signature was checked.</summary>
    public required byte[] Body { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? ParkedAt { get; set; }
    public string? LastError { get; set; }
}
