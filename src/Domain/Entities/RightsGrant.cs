namespace WapListing.Domain.Entities;

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
