namespace WapListing.Domain.Entities;

public class QueueGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ICollection<Queue> Queues { get; set; } = [];
}
