using Microsoft.AspNetCore.Identity;

namespace WapListing.Domain.Entities;

/// <summary>A person who signs in: agent, supervisor, manager or administrator.</summary>
public class User : IdentityUser<int>
{
    public const string DefaultTimeZoneId = "Europe/Prague";

    public required string DisplayName { get; set; }
    public bool IsActive { get; set; } = true;
    public UserRole Role { get; set; } = UserRole.Agent;
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;
    /// <summary>UI language ("en", "cs"); null follows the browser.</summary>
    public string? Language { get; set; }
    public string? ExternalKey { get; set; }

    /// <summary>Rights tab "Users": sees interactions of every user.</summary>
    public bool RightsAllUsers { get; set; }
    /// <summary>Rights tab "Queues": sees interactions of every queue (and those with neither queue nor participant).</summary>
    public bool RightsAllQueues { get; set; }

    public ICollection<UserGroup> Groups { get; set; } = [];
    public ICollection<RightsGrant> RightsGrants { get; set; } = [];

    /// <summary>PostgreSQL's xmin: optimistic concurrency for Manage edits (rights, profile).</summary>
    public uint Version { get; set; }
}
