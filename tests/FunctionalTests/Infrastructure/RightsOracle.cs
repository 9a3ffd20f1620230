using Npgsql;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>
/// Which interactions a viewer may see, written out in plain SQL from DESIGN §4 and independently of the app's
/// rule (<c>InteractionRights.VisibleTo</c>): an interaction is visible when its queue is among the viewer's
/// permitted queues, or one of its participants is among the viewer's permitted users. The permitted sets come
/// from the viewer's rights grants (single queues and users, and the members of granted queue and user groups);
/// "all users" permits every user, "all queues" permits every queue and also shows the interactions with neither
/// queue nor participant (and nothing else: a queue-less interaction of unpermitted users stays hidden). Tests compare what the app shows with this oracle.
/// </summary>
public static class RightsOracle
{
    /// <summary>The listing's default order: newest first.</summary>
    public const string NewestFirst = "i.time DESC, i.id DESC";

    /// <summary>
    /// Names of the interactions in [<paramref name="from"/>, <paramref name="to"/>) the user may see that also meet
    /// <paramref name="condition"/> (SQL over the interaction <c>i</c>), in the order of <paramref name="orderBy"/>.
    /// Fails the test when there are none: a comparison with an empty expectation would prove nothing.
    /// </summary>
    public static async Task<List<string>> VisibleInteractionNamesAsync(
        string connectionString, int userId, DateTimeOffset from, DateTimeOffset to, string condition = "TRUE", string orderBy = NewestFirst)
    {
        // Plain ADO.NET: EF would wrap the SQL in a subquery, where ORDER BY is not guaranteed to survive.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            WITH viewer AS (
                SELECT id, rights_all_queues, rights_all_users FROM users WHERE id = @viewer),
            permitted_queues AS (
                SELECT q.id FROM queues q JOIN viewer v ON v.rights_all_queues
                UNION
                SELECT g.queue_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id WHERE g.queue_id IS NOT NULL
                UNION
                SELECT m.queues_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id
                  JOIN queue_group_members m ON m.groups_id = g.queue_group_id),
            permitted_users AS (
                SELECT u.id FROM users u JOIN viewer v ON v.rights_all_users
                UNION
                SELECT g.user_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id WHERE g.user_id IS NOT NULL
                UNION
                SELECT m.users_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id
                  JOIN user_group_members m ON m.groups_id = g.user_group_id)
            SELECT i.name
              FROM interactions i CROSS JOIN viewer v
             WHERE i.time >= @from AND i.time < @to
               AND ((v.rights_all_queues AND i.queue_id IS NULL
                     AND NOT EXISTS (SELECT 1 FROM interaction_participants p WHERE p.interaction_id = i.id))
                    OR i.queue_id IN (SELECT id FROM permitted_queues)
                    OR EXISTS (SELECT 1 FROM interaction_participants p
                                WHERE p.interaction_id = i.id AND p.user_id IN (SELECT id FROM permitted_users)))
               AND ({condition})
             ORDER BY {orderBy}
            """, connection);
        command.Parameters.AddWithValue("viewer", userId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());

        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        if (names.Count == 0)
        {
            Assert.Fail($"The rights oracle found no interaction user {userId} may see in [{from:O}, {to:O}) where {condition}; a comparison with it would pass vacuously. Make the test data hold such rows.");
        }

        return names;
    }

    /// <inheritdoc cref="VisibleInteractionNamesAsync(string, int, DateTimeOffset, DateTimeOffset, string, string)"/>
    public static Task<List<string>> VisibleInteractionNamesAsync(
        string connectionString, int userId, TimeRange range, string condition = "TRUE", string orderBy = NewestFirst) =>
        VisibleInteractionNamesAsync(connectionString, userId, range.From, range.To, condition, orderBy);

    /// <summary>
    /// Ids of the interactions in [<paramref name="from"/>, <paramref name="to"/>) that <paramref name="rights"/> permit
    /// (as the app receives them, groups expanded) and the Queue filter keeps (<paramref name="pickedQueues"/>,
    /// <paramref name="pickedGroups"/>; none picked keeps all), that meet <paramref name="condition"/>, in the order of
    /// <paramref name="orderBy"/> (both SQL over <c>i</c>, with <paramref name="parameters"/>). The same rule as
    /// <see cref="VisibleInteractionNamesAsync(string, int, DateTimeOffset, DateTimeOffset, string, string)"/>, for tests
    /// that hand the listing's query its rights directly.
    /// </summary>
    public static async Task<List<long>> PermittedInteractionIdsAsync(
        string connectionString, WapListing.Infrastructure.Rights.ViewerRights rights, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyCollection<int> pickedQueues, IReadOnlyCollection<int> pickedGroups,
        string condition = "TRUE", string orderBy = NewestFirst, IReadOnlyDictionary<string, object>? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT i.id FROM interactions i
             WHERE i.time >= @from AND i.time < @to
               AND ((@all_queues AND (i.queue_id IS NOT NULL
                                      OR NOT EXISTS (SELECT 1 FROM interaction_participants p WHERE p.interaction_id = i.id)))
                    OR i.queue_id = ANY (@queues)
                    OR EXISTS (SELECT 1 FROM interaction_participants p
                                WHERE p.interaction_id = i.id AND (@all_users OR p.user_id = ANY (@users))))
               AND ((cardinality(@picked_queues) = 0 AND cardinality(@picked_groups) = 0)
                    OR i.queue_id = ANY (@picked_queues)
                    OR i.queue_id IN (SELECT m.queues_id FROM queue_group_members m WHERE m.groups_id = ANY (@picked_groups)))
               AND ({condition})
             ORDER BY {orderBy}
            """, connection);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("all_queues", rights.AllQueues);
        command.Parameters.AddWithValue("all_users", rights.AllUsers);
        command.Parameters.AddWithValue("queues", rights.QueueIds.ToArray());
        command.Parameters.AddWithValue("users", rights.UserIds.ToArray());
        command.Parameters.AddWithValue("picked_queues", pickedQueues.ToArray());
        command.Parameters.AddWithValue("picked_groups", pickedGroups.ToArray());
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            command.Parameters.AddWithValue(name, value);
        }

        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>The id of a user by user name (e.g. a demo login).</summary>
    public static async Task<int> UserIdAsync(string connectionString, string userName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM users WHERE user_name = @name", connection);
        command.Parameters.AddWithValue("name", userName);
        return await command.ExecuteScalarAsync() is int id ? id : throw new InvalidOperationException($"No user {userName}.");
    }
}

/// <summary>An interval of instants [From, To).</summary>
public readonly record struct TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    public static TimeRange Utc(string from, string to) => new(
        DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The listing's time presets at <see cref="TestClock.DemoNow"/> (Wednesday 25 November 2026, 15:30 in Prague, UTC+1), written out.</summary>
public static class DemoRanges
{
    public static readonly TimeRange Today = TimeRange.Utc("2026-11-24T23:00:00Z", "2026-11-25T23:00:00Z");
    public static readonly TimeRange Yesterday = TimeRange.Utc("2026-11-23T23:00:00Z", "2026-11-24T23:00:00Z");
    public static readonly TimeRange Last7Days = TimeRange.Utc("2026-11-18T23:00:00Z", "2026-11-25T23:00:00Z");
    public static readonly TimeRange Last30Days = TimeRange.Utc("2026-10-26T23:00:00Z", "2026-11-25T23:00:00Z");
    public static readonly TimeRange ThisYear = TimeRange.Utc("2025-12-31T23:00:00Z", "2026-12-31T23:00:00Z");
}
