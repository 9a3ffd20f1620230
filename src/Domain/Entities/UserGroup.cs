namespace WapListing.Domain.Entities;

public class UserGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ICollection<User> Users { get; set; } = [];

    /// <summary>PostgreSQL's xmin: optimistic concurrency for Manage edits.</summary>
    public uint Version { get; set; }
}
