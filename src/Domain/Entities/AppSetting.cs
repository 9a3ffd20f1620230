namespace WapListing.Domain.Entities;

/// <summary>Small key/value facts about the database itself (e.g. the day demo data was seeded for).</summary>
public class AppSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
