using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Infrastructure.Rights;

/// <summary>
/// The one rights rule of DESIGN §4. Every reader of interactions (list, counts, pickers, detail,
/// shared links, CRM pages, export, API) filters through <see cref="VisibleTo"/>.
/// A viewer sees an interaction when its queue is permitted, or one of its participants is. "All queues" permits
/// every queue and, besides, shows the interactions with neither queue nor participant; it does not show a
/// queue-less interaction whose participants the viewer's Users tab does not permit.
/// </summary>
public static class InteractionRights
{
    public static IQueryable<Interaction> VisibleTo(this IQueryable<Interaction> interactions, ViewerRights rights) =>
        Visible(interactions, rights, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>
    /// The same rule for the interactions of a time range [<paramref name="from"/>, <paramref name="to"/>), which it also
    /// applies. A participant carries its interaction's time (kept by the database), so "one of its participants is
    /// permitted" asks only the permitted users' participations of that range, from one index, instead of all of them.
    /// </summary>
    public static IQueryable<Interaction> VisibleTo(this IQueryable<Interaction> interactions, ViewerRights rights, DateTimeOffset from, DateTimeOffset to) =>
        Visible(interactions.Where(i => i.Time >= from && i.Time < to), rights, from, to);

    private static IQueryable<Interaction> Visible(IQueryable<Interaction> interactions, ViewerRights rights, DateTimeOffset from, DateTimeOffset to)
    {
        if (rights is { AllQueues: true, AllUsers: true })
        {
            return interactions;
        }

        // No participant can be permitted, so the rule is its queue part alone: the same rows, with nothing left for
        // the planner that forces reading every interaction of other queues (a manager's year sorted by a name).
        if (QueuesOnly(rights) is { } onlyQueues)
        {
            var onlyQueueIds = onlyQueues.ToArray();
            return interactions.Where(i => i.QueueId != null && onlyQueueIds.Contains(i.QueueId.Value));
        }

        var permittedUsers = rights.UserIds.ToArray();
        if (rights.AllQueues && !rights.AllUsers && permittedUsers.Length == 0)
        {
            return interactions.Where(i => i.QueueId != null || !i.Participants.Any());
        }

        Expression<Func<InteractionParticipant, bool>> permitted = from == DateTimeOffset.MinValue && to == DateTimeOffset.MaxValue
            ? p => permittedUsers.Contains(p.UserId)
            : p => permittedUsers.Contains(p.UserId) && p.Time >= from && p.Time < to;
        if (rights.AllQueues)
        {
            return interactions.Where(i =>
                i.QueueId != null
                || !i.Participants.Any()
                || i.Participants.AsQueryable().Any(permitted));
        }

        var queueIds = rights.QueueIds.ToArray();
        if (rights.AllUsers)
        {
            return interactions.Where(i =>
                (i.QueueId != null && queueIds.Contains(i.QueueId.Value)) || i.Participants.Any());
        }

        return interactions.Where(i =>
            (i.QueueId != null && queueIds.Contains(i.QueueId.Value))
            || i.Participants.AsQueryable().Any(permitted));
    }

    /// <summary>
    /// The queues every interaction the viewer sees is in, when the rule comes down to its queue part (no participant can be
    /// permitted); null when the rule permits every queue or any participant. Readers that can ask an index more narrowly
    /// with it (the listing sorted by queue) still filter through <see cref="VisibleTo(IQueryable{Interaction}, ViewerRights)"/>.
    /// </summary>
    public static IReadOnlyList<int>? QueuesOnly(ViewerRights rights) =>
        !rights.AllQueues && !rights.AllUsers && rights.UserIds.Count == 0 ? rights.QueueIds : null;

    /// <summary>Queues the viewer may pick in filters.</summary>
    public static IQueryable<Queue> PermittedTo(this IQueryable<Queue> queues, ViewerRights rights)
    {
        if (rights.AllQueues)
        {
            return queues;
        }

        var queueIds = rights.QueueIds.ToArray();
        return queues.Where(q => queueIds.Contains(q.Id));
    }

    /// <summary>Users the viewer may pick in filters.</summary>
    public static IQueryable<User> PermittedTo(this IQueryable<User> users, ViewerRights rights)
    {
        if (rights.AllUsers)
        {
            return users;
        }

        var userIds = rights.UserIds.ToArray();
        return users.Where(u => userIds.Contains(u.Id));
    }

    /// <summary>Loads a viewer's rights, groups expanded, in one round trip.</summary>
    public static async Task<ViewerRights> LoadAsync(WapListingDbContext db, int viewerId, CancellationToken cancellationToken = default) =>
        (await LoadViewerAsync(db, viewerId, cancellationToken))?.Rights ?? ViewerRights.Nothing;

    /// <summary>
    /// The signed-in user as the database has them now (what the per-request sign-in check needs) together with their
    /// rights, groups expanded, and the catalog's version: one round trip for all, so nothing about who may see what is
    /// ever kept between requests, and what is kept (the pickers) is keyed by the version it was read at.
    /// </summary>
    public static async Task<ViewerRow?> LoadViewerAsync(WapListingDbContext db, int viewerId, CancellationToken cancellationToken = default) =>
        await db.Database.SqlQuery<ViewerRow>($"""
            SELECT u.id, u.user_name, u.display_name, u.is_active, u.role, u.time_zone_id, u.language, u.security_stamp,
                   u.rights_all_queues AS all_queues,
                   u.rights_all_users AS all_users,
                   ARRAY(SELECT g.queue_id FROM rights_grants g
                          WHERE g.viewer_id = u.id AND g.queue_id IS NOT NULL
                         UNION
                         SELECT m.queues_id FROM rights_grants g
                           JOIN queue_group_members m ON m.groups_id = g.queue_group_id
                          WHERE g.viewer_id = u.id) AS queue_ids,
                   ARRAY(SELECT g.user_id FROM rights_grants g
                          WHERE g.viewer_id = u.id AND g.user_id IS NOT NULL
                         UNION
                         SELECT m.users_id FROM rights_grants g
                           JOIN user_group_members m ON m.groups_id = g.user_group_id
                          WHERE g.viewer_id = u.id) AS user_ids,
                   COALESCE((SELECT v.version FROM catalog_version v WHERE v.id = 1), 0) AS catalog_version
              FROM users u
             WHERE u.id = {viewerId}
            """).SingleOrDefaultAsync(cancellationToken);

    /// <summary>A user row with their rights (<see cref="LoadViewerAsync"/>).</summary>
    public sealed class ViewerRow
    {
        public int Id { get; init; }
        public string? UserName { get; init; }
        public string DisplayName { get; init; } = string.Empty;
        public bool IsActive { get; init; }
        public string Role { get; init; } = string.Empty;
        public string TimeZoneId { get; init; } = string.Empty;
        public string? Language { get; init; }
        public string? SecurityStamp { get; init; }
        public bool AllQueues { get; init; }
        public bool AllUsers { get; init; }
        public int[] QueueIds { get; init; } = [];
        public int[] UserIds { get; init; } = [];

        /// <summary>The version of the users, queues, groups and connectors the pickers list (migration CatalogVersion).</summary>
        public long CatalogVersion { get; init; }

        public ViewerRights Rights => new(AllQueues, AllUsers, QueueIds, UserIds);
    }
}
