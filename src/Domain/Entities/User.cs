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
}

public class UserGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ICollection<User> Users { get; set; } = [];
}

/// <summary>
/// One line of a viewer's Rights tabs: exactly one of a user, a user group, a queue or a queue group.
/// </summary>
public class RightsGrant
{
    public int Id { get; set; }
    public int ViewerId { get; set; }
    public int? UserId { get; set; }
    public int? UserGroupId { get; set; }
    public int? QueueId { get; set; }
    public int? QueueGroupId { get; set; }

    public static RightsGrant ForUser(int userId) => new() { UserId = userId };
    public static RightsGrant ForUserGroup(int groupId) => new() { UserGroupId = groupId };
    public static RightsGrant ForQueue(int queueId) => new() { QueueId = queueId };
    public static RightsGrant ForQueueGroup(int groupId) => new() { QueueGroupId = groupId };
}
