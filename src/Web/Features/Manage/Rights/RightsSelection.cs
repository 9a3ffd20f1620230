namespace WapListing.Web.Features.Manage.Rights;

/// <summary>
/// What a user's Rights tabs hold, saved or only ticked: the two "all" switches and the chosen users, user groups,
/// queues and queue groups (ids sorted, without repeats), groups not yet expanded.
/// </summary>
public sealed record RightsSelection(
    bool AllUsers,
    bool AllQueues,
    IReadOnlyList<int> UserIds,
    IReadOnlyList<int> UserGroupIds,
    IReadOnlyList<int> QueueIds,
    IReadOnlyList<int> QueueGroupIds)
{
    public static RightsSelection Of(
        bool allUsers, bool allQueues, IEnumerable<int> userIds, IEnumerable<int> userGroupIds, IEnumerable<int> queueIds, IEnumerable<int> queueGroupIds) =>
        new(allUsers, allQueues, Normal(userIds), Normal(userGroupIds), Normal(queueIds), Normal(queueGroupIds));

    public bool SameAs(RightsSelection other) =>
        AllUsers == other.AllUsers && AllQueues == other.AllQueues
        && UserIds.SequenceEqual(other.UserIds) && UserGroupIds.SequenceEqual(other.UserGroupIds)
        && QueueIds.SequenceEqual(other.QueueIds) && QueueGroupIds.SequenceEqual(other.QueueGroupIds);

    /// <summary>The audit's record of it: ids and flags only.</summary>
    public object ForAudit() => new { allUsers = AllUsers, allQueues = AllQueues, userIds = UserIds, userGroupIds = UserGroupIds, queueIds = QueueIds, queueGroupIds = QueueGroupIds };

    private static int[] Normal(IEnumerable<int> ids) => ids.Distinct().Order().ToArray();
}
