namespace WapListing.Domain.Entities;

/// <summary>Who did what and when. Holds ids and filters, never copies of personal texts.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset Time { get; set; }
    public int? UserId { get; set; }
    /// <summary>Stable action code, e.g. "login.failed", "listing.exported", "interaction.anonymized".</summary>
    public required string Action { get; set; }
    /// <summary>JSON with ids and filters.</summary>
    public string? Detail { get; set; }
}
