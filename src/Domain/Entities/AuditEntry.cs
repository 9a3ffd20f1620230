namespace WapListing.Domain.Entities;

/// <summary>Who did what and when. Holds ids and filters, never copies of personal texts.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset Time { get; set; }
    public int? UserId { get; set; }
    /// <summary>Stable action code, e.g. "login.failed", "export", "anonymize".</summary>
    public required string Action { get; set; }
    /// <summary>JSON with ids and filters.</summary>
    public string? Detail { get; set; }
}

/// <summary>Small key/value facts about the database itself (e.g. the day demo data was seeded for).</summary>
public class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
