using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Rights;

namespace WapListing.FunctionalTests.Rights;

/// <summary>
/// The rights rule of DESIGN §4 over a real PostgreSQL, with a small world made for the test. Each expectation is
/// also checked against the tests' rights oracle, so the oracle the listing and export tests rely on is proven here.
/// </summary>
public sealed class InteractionRightsTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>, IAsyncLifetime
{
    private World _world = null!;

    public async Task InitializeAsync() => _world = await World.CreateAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Viewer_with_all_queues_sees_every_queued_interaction_and_the_ones_with_neither_queue_nor_participant()
    {
        // i6 has no queue and only B, whom this viewer's Users tab does not permit: "all queues" does not widen the union.
        await AssertVisibleAsync(v => v.RightsAllQueues = true, "i1", "i2", "i3", "i4", "i5");
    }

    [Fact]
    public async Task Viewer_with_all_queues_and_all_users_sees_every_interaction()
    {
        await AssertVisibleAsync(v => v.RightsAllQueues = v.RightsAllUsers = true, "i1", "i2", "i3", "i4", "i5", "i6");
    }

    [Fact]
    public async Task Viewer_with_all_queues_sees_a_queueless_interaction_of_a_permitted_participant()
    {
        await AssertVisibleAsync(v =>
        {
            v.RightsAllQueues = true;
            v.RightsGrants.Add(RightsGrant.ForUser(_world.B.Id));
        }, "i1", "i2", "i3", "i4", "i5", "i6");
    }

    [Fact]
    public async Task Viewer_with_a_permitted_participant_sees_a_queueless_interaction_with_that_participant()
    {
        await AssertVisibleAsync(v => v.RightsGrants.Add(RightsGrant.ForUser(_world.B.Id)), "i2", "i3", "i6");
    }

    [Fact]
    public async Task Viewer_sees_rows_of_permitted_queues_only()
    {
        await AssertVisibleAsync(v => v.RightsGrants.Add(RightsGrant.ForQueue(_world.Q1.Id)), "i1");
    }

    [Fact]
    public async Task Agent_who_handled_the_first_part_of_a_transferred_chat_sees_it_in_the_other_queue()
    {
        await AssertVisibleAsync(v => v.RightsGrants.Add(RightsGrant.ForUser(_world.A.Id)), "i1", "i3");
    }

    [Fact]
    public async Task Queue_and_user_rights_are_a_union()
    {
        await AssertVisibleAsync(v =>
        {
            v.RightsGrants.Add(RightsGrant.ForQueue(_world.Q1.Id));
            v.RightsGrants.Add(RightsGrant.ForUser(_world.B.Id));
        }, "i1", "i2", "i3", "i6");
    }

    [Fact]
    public async Task User_group_expands_to_its_members()
    {
        await AssertVisibleAsync(v => v.RightsGrants.Add(RightsGrant.ForUserGroup(_world.TeamAb.Id)), "i1", "i2", "i3", "i6");
    }

    [Fact]
    public async Task Queue_group_expands_to_its_queues()
    {
        await AssertVisibleAsync(v => v.RightsGrants.Add(RightsGrant.ForQueueGroup(_world.Q2AndQ3.Id)), "i2", "i3", "i5");
    }

    [Fact]
    public async Task Rows_with_neither_queue_nor_participant_are_hidden_even_from_all_users()
    {
        await AssertVisibleAsync(v => v.RightsAllUsers = true, "i1", "i2", "i3", "i5", "i6");
    }

    [Fact]
    public async Task Rows_of_a_deactivated_permitted_user_stay_visible()
    {
        await AssertVisibleAsync(v => v.RightsGrants.Add(RightsGrant.ForUser(_world.DeactivatedC.Id)), "i5");
    }

    [Fact]
    public async Task Viewer_without_rights_sees_nothing()
    {
        await AssertVisibleAsync(_ => { });
    }

    [Fact]
    public async Task Permitted_queues_and_users_for_pickers_follow_the_same_grants()
    {
        await using var db = database.OpenDb();
        var viewer = await _world.AddViewerAsync(db, v =>
        {
            v.RightsGrants.Add(RightsGrant.ForQueueGroup(_world.Q2AndQ3.Id));
            v.RightsGrants.Add(RightsGrant.ForUserGroup(_world.TeamAb.Id));
        });
        var rights = await InteractionRights.LoadAsync(db, viewer.Id);

        var queues = await db.Queues.PermittedTo(rights).Where(q => q.Name.StartsWith(_world.Prefix)).Select(q => q.Name).OrderBy(n => n).ToListAsync();
        var users = await db.Users.PermittedTo(rights).Where(u => u.UserName!.StartsWith(_world.Prefix)).Select(u => u.UserName).OrderBy(n => n).ToListAsync();

        Assert.Equal([_world.Prefix + "q2", _world.Prefix + "q3"], queues);
        Assert.Equal([_world.Prefix + "a", _world.Prefix + "b"], users);
    }

    /// <summary>
    /// Adds a viewer with the given rights and asserts that exactly the expected interactions of the world are visible
    /// to them, by the app's rule and, when any are, by the rights oracle as well.
    /// </summary>
    [Fact]
    public async Task A_participant_carries_its_interactions_time_whoever_writes_it_and_follows_when_the_time_moves()
    {
        await using var db = database.OpenDb();
        var moved = new DateTimeOffset(2026, 11, 20, 8, 15, 0, TimeSpan.Zero);
        var interaction = await db.Interactions.SingleAsync(i => i.Name == _world.Prefix + "i3");

        var times = await db.InteractionParticipants.AsNoTracking().Where(p => p.InteractionId == interaction.Id).Select(p => p.Time).ToListAsync();
        Assert.Equal(2, times.Count);
        Assert.All(times, t => Assert.Equal(interaction.Time, t));

        await db.Interactions.Where(i => i.Id == interaction.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.Time, moved));
        Assert.All(await db.InteractionParticipants.AsNoTracking().Where(p => p.InteractionId == interaction.Id).Select(p => p.Time).ToListAsync(), t => Assert.Equal(moved, t));

        // Raw SQL that names no time, and a time written on purpose, both end up with the interaction's.
        await db.Database.ExecuteSqlAsync($"INSERT INTO interaction_participants (interaction_id, user_id) VALUES ({interaction.Id}, {_world.DeactivatedC.Id})");
        await db.Database.ExecuteSqlAsync($"UPDATE interaction_participants SET time = {moved.AddYears(-3)} WHERE interaction_id = {interaction.Id}");
        Assert.All(await db.InteractionParticipants.AsNoTracking().Where(p => p.InteractionId == interaction.Id).Select(p => p.Time).ToListAsync(), t => Assert.Equal(moved, t));
    }

    private async Task AssertVisibleAsync(Action<User> grant, params string[] expected)
    {
        await using var db = database.OpenDb();
        var viewer = await _world.AddViewerAsync(db, grant);
        var rights = await InteractionRights.LoadAsync(db, viewer.Id);
        var names = await db.Interactions.AsNoTracking()
            .VisibleTo(rights)
            .Where(i => i.Name.StartsWith(_world.Prefix))
            .Select(i => i.Name)
            .ToListAsync();
        Assert.Equal(expected, InWorld(names));

        // The listing's shape of the same rule over a time range (participations of the range, by their copied time)
        // gives exactly the same rows; a range that ends before the world's interactions gives none.
        var today = DemoRanges.Today;
        var ranged = await db.Interactions.AsNoTracking()
            .VisibleTo(rights, today.From, today.To)
            .Where(i => i.Name.StartsWith(_world.Prefix))
            .Select(i => i.Name)
            .ToListAsync();
        Assert.Equal(expected, InWorld(ranged));
        Assert.Empty(await db.Interactions.AsNoTracking()
            .VisibleTo(rights, DemoRanges.Yesterday.From, DemoRanges.Yesterday.To)
            .Where(i => i.Name.StartsWith(_world.Prefix))
            .ToListAsync());

        if (expected.Length > 0)
        {
            var oracle = await RightsOracle.VisibleInteractionNamesAsync(
                database.ConnectionString, viewer.Id, DemoRanges.Today, $"i.name LIKE '{_world.Prefix}%'", "i.name");
            Assert.Equal(expected, InWorld(oracle));
        }
    }

    private List<string> InWorld(IEnumerable<string> names) =>
        names.Select(n => n[_world.Prefix.Length..]).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Queues Q1–Q3; agents A, B and deactivated C; team {A, B}; queue group {Q2, Q3}.
    /// i1: Q1 by A · i2: Q2 by B · i3: Q3, A then B (transfer) · i4: neither queue nor participant ·
    /// i5: Q3 by C · i6: no queue, by B.
    /// </summary>
    private sealed class World
    {
        public required string Prefix { get; init; }
        public required Queue Q1 { get; init; }
        public required User A { get; init; }
        public required User B { get; init; }
        public required User DeactivatedC { get; init; }
        public required UserGroup TeamAb { get; init; }
        public required QueueGroup Q2AndQ3 { get; init; }

        private int _viewers;

        public static async Task<World> CreateAsync(DatabaseFixture database)
        {
            var prefix = $"r{Guid.NewGuid():N}"[..10] + "_";
            await using var db = database.OpenDb();
            var q1 = new Queue { Name = prefix + "q1" };
            var q2 = new Queue { Name = prefix + "q2" };
            var q3 = new Queue { Name = prefix + "q3" };
            var a = NewUser(prefix + "a");
            var b = NewUser(prefix + "b");
            var c = NewUser(prefix + "c");
            c.IsActive = false;
            var team = new UserGroup { Name = prefix + "team", Users = [a, b] };
            var queueGroup = new QueueGroup { Name = prefix + "qg", Queues = [q2, q3] };
            db.AddRange(q1, q2, q3, a, b, c, team, queueGroup);
            await db.SaveChangesAsync();

            var time = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
            Interaction Make(string name, Queue? queue, params User[] participants) => new()
            {
                Name = prefix + name,
                Time = time,
                QueueId = queue?.Id,
                UserId = participants.LastOrDefault()?.Id,
                Participants = participants.Select(p => new InteractionParticipant { UserId = p.Id }).ToList(),
            };
            db.Interactions.AddRange(
                Make("i1", q1, a),
                Make("i2", q2, b),
                Make("i3", q3, a, b),
                Make("i4", null),
                Make("i5", q3, c),
                Make("i6", null, b));
            await db.SaveChangesAsync();
            return new World { Prefix = prefix, Q1 = q1, A = a, B = b, DeactivatedC = c, TeamAb = team, Q2AndQ3 = queueGroup };
        }

        public async Task<User> AddViewerAsync(WapListing.Infrastructure.Data.WapListingDbContext db, Action<User> grant)
        {
            var viewer = NewUser($"{Prefix}viewer{Interlocked.Increment(ref _viewers)}_{Guid.NewGuid():N}");
            grant(viewer);
            db.Users.Add(viewer);
            await db.SaveChangesAsync();
            return viewer;
        }

        private static User NewUser(string userName) => new()
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = userName,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
    }
}
