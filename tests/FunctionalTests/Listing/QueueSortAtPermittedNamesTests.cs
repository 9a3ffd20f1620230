using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// Sorted by queue, a viewer whose rights or Queue filter allow only some queues is read from the queue-name index at
/// those queues' names. These tests prove the rows and their order are exactly the rule's, written in SQL here: with a
/// permitted queue that shares its name with a forbidden one, a deactivated queue, ties within a queue, names that the
/// Czech and English alphabets order differently, queue groups, and a queue renamed after its chats were stored.
/// </summary>
public sealed class QueueSortAtPermittedNamesTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>, IAsyncLifetime
{
    private static int _ranges;
    private Queues _queues = null!;
    private DateTimeOffset _from;
    private DateTimeOffset _to;

    private sealed record Queues(int Beta, int ForbiddenBeta, int Chata, int Ctvrta, int InactiveAlfa, int Hotline, int Group);

    public async Task InitializeAsync()
    {
        var prefix = $"n{Guid.NewGuid():N}"[..8];
        // Each test has its own ten days, so only its chats are in its range.
        _from = TestClock.DemoNow.AddYears(-3).AddDays(11 * Interlocked.Increment(ref _ranges));
        _to = _from.AddDays(10);
        await using var db = database.OpenDb();
        var beta = new Queue { Name = "Beta" };
        var forbiddenBeta = new Queue { Name = "Beta" };
        var chata = new Queue { Name = "Chata" };
        var ctvrta = new Queue { Name = "Čtvrtá" };
        var inactiveAlfa = new Queue { Name = "alfa", IsActive = false };
        var hotline = new Queue { Name = "Hotline" };
        var group = new QueueGroup { Name = prefix + " skupina", Queues = [ctvrta, hotline] };
        db.AddRange(beta, forbiddenBeta, chata, ctvrta, inactiveAlfa, hotline, group);
        await db.SaveChangesAsync();

        var queues = new[] { beta, forbiddenBeta, chata, ctvrta, inactiveAlfa, hotline };
        var number = 0;
        for (var chat = 0; chat < 60; chat++)
        {
            db.Interactions.Add(new Interaction
            {
                Name = $"wap_{prefix}{number++}",
                // Several chats share a time, so only the id orders them within a queue.
                Time = _from.AddHours(chat / 3),
                QueueId = queues[chat % queues.Length].Id,
            });
        }

        db.Interactions.Add(new Interaction { Name = $"wap_{prefix}{number}", Time = _from.AddHours(1) });
        await db.SaveChangesAsync();
        _queues = new Queues(beta.Id, forbiddenBeta.Id, chata.Id, ctvrta.Id, inactiveAlfa.Id, hotline.Id, group.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var rights in new[] { "queues only", "every queue", "queues and a user" })
        {
            foreach (var filter in new[] { "none", "queues", "group", "queue and group" })
            {
                foreach (var language in new[] { "cs", "en" })
                {
                    data.Add($"{rights}", $"{filter}:{language}", false);
                    data.Add($"{rights}", $"{filter}:{language}", true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sorted_by_queue_the_rows_and_their_order_are_the_rules(string rightsCase, string filterAndLanguage, bool descending)
    {
        var (filter, language) = (filterAndLanguage.Split(':')[0], filterAndLanguage.Split(':')[1]);
        var rights = rightsCase switch
        {
            "queues only" => new ViewerRights(false, false, [_queues.Beta, _queues.InactiveAlfa, _queues.Ctvrta, _queues.Hotline], []),
            "every queue" => new ViewerRights(true, false, [], []),
            _ => new ViewerRights(false, false, [_queues.Beta, _queues.Chata, _queues.Hotline], [1]),
        };
        var criteria = new ListingCriteria
        {
            From = _from,
            To = _to,
            Sort = ListingColumn.Queue,
            Descending = descending,
            Language = language,
            QueueIds = filter is "queues" or "queue and group" ? [_queues.Beta, _queues.ForbiddenBeta, _queues.InactiveAlfa] : [],
            QueueGroupIds = filter is "group" or "queue and group" ? [_queues.Group] : [],
        };

        await using var db = database.OpenDb();
        var expected = await ExpectedAsync(rights, criteria);
        var actual = await WapListingQuery.Matching(db, rights, criteria).AsNoTracking().Sorted(criteria).Select(i => i.Id).ToListAsync();

        Assert.Equal(expected, actual);
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task A_renamed_queue_moves_its_chats_in_the_order_and_keeps_them_all()
    {
        var rights = new ViewerRights(false, false, [_queues.Beta, _queues.Chata, _queues.Hotline], []);
        var criteria = new ListingCriteria { From = _from, To = _to, Sort = ListingColumn.Queue, Descending = false, Language = "cs" };
        await using var db = database.OpenDb();
        await db.Queues.Where(q => q.Id == _queues.Chata).ExecuteUpdateAsync(set => set.SetProperty(q => q.Name, "Zóna"));
        try
        {
            var actual = await WapListingQuery.Matching(db, rights, criteria).AsNoTracking().Sorted(criteria)
                .Select(i => new { i.Id, i.QueueId }).ToListAsync();
            Assert.Equal(await ExpectedAsync(rights, criteria), actual.Select(r => r.Id).ToList());
            Assert.Equal(30, actual.Count);
            Assert.All(actual[^10..], r => Assert.Equal(_queues.Chata, r.QueueId));
        }
        finally
        {
            await db.Queues.Where(q => q.Id == _queues.Chata).ExecuteUpdateAsync(set => set.SetProperty(q => q.Name, "Chata"));
        }
    }

    [Theory]
    [InlineData("cs", false)]
    [InlineData("en", true)]
    public async Task Sorted_by_queue_a_viewer_of_some_queues_is_read_at_their_names_in_the_index(string language, bool descending)
    {
        var rights = new ViewerRights(false, false, [_queues.Beta, _queues.Hotline], []);
        var criteria = new ListingCriteria { From = _from, To = _to, Sort = ListingColumn.Queue, Descending = descending, Language = language };
        await using var db = database.OpenDb();
        await using var command = WapListingQuery.Matching(db, rights, criteria).AsNoTracking().Sorted(criteria).Take(50).ToRows().CreateDbCommand();

        var plan = await ListingSortKeysTests.ExplainWithoutSortingAsync(db, command);

        var alphabet = language == "cs" ? "cs" : "und";
        Assert.Matches($@"Index Scan (Backward )?using ix_interactions_queue_name_{alphabet} on interactions\n\s+Index Cond: \(\(\(queue_name\)::text = ANY \(\(\$\d+\)::text\[\]\)\) AND \(""time"" >=", plan);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    /// <summary>The rule of DESIGN §4 and the Queue filter (<see cref="RightsOracle"/>), in the order of the listing's sort.</summary>
    private Task<List<long>> ExpectedAsync(ViewerRights rights, ListingCriteria criteria)
    {
        var collation = criteria.Language == "cs" ? "cs-x-icu" : "und-x-icu";
        var direction = criteria.Descending ? "DESC" : "ASC";
        return RightsOracle.PermittedInteractionIdsAsync(
            database.ConnectionString, rights, criteria.From, criteria.To, criteria.QueueIds, criteria.QueueGroupIds,
            orderBy: $"""(SELECT q.name FROM queues q WHERE q.id = i.queue_id) COLLATE "{collation}" {direction}, i.id {direction}""");
    }
}
