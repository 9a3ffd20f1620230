namespace WapListing.Domain.Entities;

public class Queue
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public int? ConnectorId { get; set; }
    public Connector? Connector { get; set; }
    public string? ExternalKey { get; set; }
    public ICollection<QueueGroup> Groups { get; set; } = [];

    /// <summary>PostgreSQL's xmin: optimistic concurrency for Manage edits.</summary>
    public uint Version { get; set; }
}
