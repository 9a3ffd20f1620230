namespace WapListing.Infrastructure.Rights;

/// <summary>
/// What a viewer's Rights tabs (Users, Queues) permit, with groups already expanded to their members.
/// </summary>
public sealed record ViewerRights(
    bool AllQueues,
    bool AllUsers,
    IReadOnlyList<int> QueueIds,
    IReadOnlyList<int> UserIds)
{
    public static readonly ViewerRights Nothing = new(false, false, [], []);
}
