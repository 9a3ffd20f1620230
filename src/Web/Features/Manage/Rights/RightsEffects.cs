using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Infrastructure.Time;

namespace WapListing.Web.Features.Manage.Rights;

/// <summary>
/// What a selection permits: how many users and queues (groups expanded; "all" counts all) and how many of today's
/// interactions — today in the user's own zone — the user would see, counted like the listing's total (drafts left out).
/// </summary>
public sealed record RightsEffect(bool AllUsers, int Users, bool AllQueues, int Queues, int TodayInteractions);

/// <summary>
/// Measures a selection, saved or not: the groups are expanded in SQL in one round trip into the same
/// <see cref="ViewerRights"/> the signed-in user gets, and today's interactions are counted through the one rights
/// rule (<see cref="InteractionRights.VisibleTo"/>).
/// </summary>
public sealed class RightsEffects(WapListingDbContext db, TimeProvider clock)
{
    public async Task<RightsEffect> MeasureAsync(RightsSelection selection, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (rights, allUsers, allQueues) = await ExpandAsync(selection, cancellationToken);
        var today = LocalDay.Today(clock, zone);
        var (from, to) = LocalDay.Range(today, today, zone);
        var todayInteractions = await db.Interactions.AsNoTracking()
            .VisibleTo(rights)
            .CountAsync(i => i.Time >= from && i.Time < to && !i.IsDraft, cancellationToken);
        return new RightsEffect(
            selection.AllUsers, selection.AllUsers ? allUsers : rights.UserIds.Count,
            selection.AllQueues, selection.AllQueues ? allQueues : rights.QueueIds.Count,
            todayInteractions);
    }

    /// <summary>The selection as the rights rule reads it, and the numbers of all users and all queues.</summary>
    private async Task<(ViewerRights Rights, int AllUsers, int AllQueues)> ExpandAsync(RightsSelection selection, CancellationToken cancellationToken)
    {
        var userIds = selection.UserIds.ToArray();
        var userGroupIds = selection.UserGroupIds.ToArray();
        var queueIds = selection.QueueIds.ToArray();
        var queueGroupIds = selection.QueueGroupIds.ToArray();
        var row = await db.Database.SqlQuery<ExpandedRow>($"""
            SELECT ARRAY(SELECT q.id FROM queues q WHERE q.id = ANY({queueIds})
                         UNION
                         SELECT m.queues_id FROM queue_group_members m WHERE m.groups_id = ANY({queueGroupIds})) AS queue_ids,
                   ARRAY(SELECT u.id FROM users u WHERE u.id = ANY({userIds})
                         UNION
                         SELECT m.users_id FROM user_group_members m WHERE m.groups_id = ANY({userGroupIds})) AS user_ids,
                   (SELECT count(*)::int FROM users) AS all_users,
                   (SELECT count(*)::int FROM queues) AS all_queues
            """).SingleAsync(cancellationToken);
        return (new ViewerRights(selection.AllQueues, selection.AllUsers, row.QueueIds, row.UserIds), row.AllUsers, row.AllQueues);
    }

    private sealed class ExpandedRow
    {
        public int[] QueueIds { get; init; } = [];
        public int[] UserIds { get; init; } = [];
        public int AllUsers { get; init; }
        public int AllQueues { get; init; }
    }
}
