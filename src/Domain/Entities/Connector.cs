namespace WapListing.Domain.Entities;

/// <summary>A WhatsApp Business number/account that queues route through.</summary>
public class Connector
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>E.164, e.g. +420800123456.</summary>
    public required string PhoneNumber { get; set; }
    public bool IsActive { get; set; } = true;
    public string? ExternalKey { get; set; }
}
