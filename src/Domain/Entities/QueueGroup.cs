namespace WapListing.Domain.Entities;

public class QueueGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ICollection<Queue> Queues { get; set; } = [];

    /// <summary>PostgreSQL's xmin: optimistic concurrency for Manage edits.</summary>
    public uint Version { get; set; }
}
