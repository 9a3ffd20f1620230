using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Seeding;

namespace WapListing.FunctionalTests.Seeding;

/// <summary>The demo data holds what issue 2 promises, is idempotent, and is refreshed on a later day.</summary>
public sealed class DemoDataTests(DemoDatabaseFixture demo) : IClassFixture<DemoDatabaseFixture>
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Fact]
    public async Task Demo_data_has_the_promised_minimums()
    {
        await using var db = demo.OpenDb();
        var (todayStart, _) = PragueDay(TestClock.DemoNow);

        Assert.True(await db.Connectors.CountAsync() >= 3);
        Assert.True(await db.Queues.CountAsync() >= 8);
        Assert.Equal(2, await db.Queues.CountAsync(q => !q.IsActive));
        Assert.True(await db.QueueGroups.CountAsync() >= 2);
        Assert.True(await db.Users.CountAsync() >= 30);
        Assert.Equal(3, await db.Users.CountAsync(u => !u.IsActive));
        Assert.True(await db.UserGroups.CountAsync(g => g.Users.Count > 0) >= 3);
        Assert.True(await db.Interactions.CountAsync() >= 2000);
        Assert.Equal(0, await db.Interactions.CountAsync(i => i.Time >= TestClock.DemoNow.AddDays(-61) && i.Time < todayStart.AddDays(-59)));
        Assert.True(await db.Interactions.CountAsync(i => i.Time >= todayStart) >= 50);
        Assert.Equal(0, await db.Interactions.CountAsync(i => i.Time > TestClock.DemoNow));
        Assert.True(await db.Interactions.CountAsync(i => i.Direction == InteractionDirection.Out) > 0);
        Assert.True(await db.Interactions.CountAsync(i => i.ContactId == null) > 0);
        Assert.True(await db.Interactions.CountAsync(i => i.ContactId != null) > 0);
        Assert.True(await db.Companies.CountAsync() >= 5);
        Assert.True(await db.Tickets.CountAsync() >= 20);
        Assert.True(await db.QaReviews.CountAsync() > 0);
        Assert.True(await db.Activities.CountAsync(a => a.TimeAnomaly) > 0);
        Assert.True(await db.MessageAttachments.CountAsync() > 0);
        Assert.True(await db.Interactions.CountAsync(i => i.QueueId == null && !i.Participants.Any()) > 0);
    }

    [Fact]
    public async Task Today_holds_every_ended_by_value_missed_state_transfers_and_hostile_strings()
    {
        await using var db = demo.OpenDb();
        var (todayStart, _) = PragueDay(TestClock.DemoNow);
        var today = db.Interactions.Where(i => i.Time >= todayStart);

        var endedBy = await today.Where(i => i.EndedBy != null).Select(i => i.EndedBy!.Value).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<EndedBy>().Order(), endedBy.Order());
        var missed = await today.Select(i => i.MissedState).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<MissedState>().Order(), missed.Order());
        Assert.True(await today.CountAsync(i => i.Activities.Select(a => a.UserId).Distinct().Count() >= 2) >= 2);
        Assert.True(await db.Interactions.CountAsync(i => i.MissedState == MissedState.ContactedBack && i.ContactedBackById != null) > 0);

        foreach (var hostile in new[] { "=HYPERLINK(\"http://x\",\"y\")", "<script>alert(1)</script>", "@SUM(1,1)", "😀 Ahoj 👍" })
        {
            Assert.True(await today.AnyAsync(i => i.WhatsAppContact == hostile), hostile);
            Assert.True(await db.Messages.AnyAsync(m => m.Text == hostile), hostile);
        }

        var types = await db.Messages.Select(m => m.Type).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<MessageType>().Order(), types.Order());
        Assert.True(await db.Messages.AnyAsync(m => m.Text!.Contains("Děkuji")));
        Assert.True(await db.Messages.AnyAsync(m => m.Text!.Contains("Thanks")));
    }

    [Theory]
    [InlineData("admin", UserRole.Administrator)]
    [InlineData("supervisor", UserRole.Supervisor)]
    [InlineData("manager", UserRole.Manager)]
    [InlineData("agent", UserRole.Agent)]
    public async Task Demo_logins_exist_with_their_roles(string userName, UserRole role)
    {
        await using var db = demo.OpenDb();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        Assert.Equal(role, user.Role);
        Assert.True(user.IsActive);
    }

    [Fact]
    public async Task Seeding_twice_adds_nothing_and_a_later_day_refreshes_today()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        try
        {
            await using (var db = TestDatabases.Open(connectionString))
            {
                Assert.Equal(DemoSeedResult.Seeded, await new DemoDataSeeder(db, TestClock.At(TestClock.DemoNow)).SeedAsync(refreshIfStale: false));
            }

            var counts = await CountsAsync(connectionString);
            await using (var db = TestDatabases.Open(connectionString))
            {
                Assert.Equal(DemoSeedResult.AlreadyCurrent, await new DemoDataSeeder(db, TestClock.At(TestClock.DemoNow)).SeedAsync(refreshIfStale: true));
            }

            Assert.Equal(counts, await CountsAsync(connectionString));

            var nextWeek = TestClock.DemoNow.AddDays(7);
            await using (var db = TestDatabases.Open(connectionString))
            {
                Assert.Equal(DemoSeedResult.LeftStale, await new DemoDataSeeder(db, TestClock.At(nextWeek)).SeedAsync(refreshIfStale: false));
                Assert.Equal(DemoSeedResult.Refreshed, await new DemoDataSeeder(db, TestClock.At(nextWeek)).SeedAsync(refreshIfStale: true));
            }

            await using (var db = TestDatabases.Open(connectionString))
            {
                var (start, _) = PragueDay(nextWeek);
                Assert.True(await db.Interactions.CountAsync(i => i.Time >= start && i.Time <= nextWeek) >= 50);
                Assert.Equal(0, await db.Interactions.CountAsync(i => i.Time > nextWeek));
                Assert.Equal(counts.Users, await db.Users.CountAsync());
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<(int Users, int Queues, int Interactions, int Messages)> CountsAsync(string connectionString)
    {
        await using var db = TestDatabases.Open(connectionString);
        return (await db.Users.CountAsync(), await db.Queues.CountAsync(), await db.Interactions.CountAsync(), await db.Messages.CountAsync());
    }

    private static (DateTimeOffset Start, DateTimeOffset End) PragueDay(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Prague).Date;
        return (new DateTimeOffset(local, Prague.GetUtcOffset(local)).ToUniversalTime(),
            new DateTimeOffset(local.AddDays(1), Prague.GetUtcOffset(local.AddDays(1))).ToUniversalTime());
    }
}
