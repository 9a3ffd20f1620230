using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// Sorted by connector, missed or ended by while the rights or the Queue filter allow only some queues, a page is taken
/// from each of those queues' first rows, read from queue-led indexes (<see cref="WapListingQuery.Page"/>). These tests
/// prove every page holds exactly the rows of the rule, written in SQL here, in its order: with ties in every bucket, empty
/// values, a connector only a forbidden queue uses, a deactivated queue, a queue-less chat, a participant's chat, queue
/// groups, another filter that removes rows before a queue's first rows are counted, and pages up to past the end.
/// </summary>
public sealed class QueueLedSortTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>, IAsyncLifetime
{
    private const int PageSize = 7;
    private static int _ranges;
    private Queues _queues = null!;
    private int _user;
    private DateTimeOffset _from;
    private DateTimeOffset _to;

    private sealed record Queues(int Beta, int Forbidden, int InactiveAlfa, int Hotline, int Other, int Group);

    public async Task InitializeAsync()
    {
        var prefix = $"l{Guid.NewGuid():N}"[..8];
        // Each test has its own ten days, so only its chats are in its range.
        _from = TestClock.DemoNow.AddYears(-4).AddDays(11 * Interlocked.Increment(ref _ranges));
        _to = _from.AddDays(10);
        await using var db = database.OpenDb();
        var beta = new Queue { Name = prefix + " Beta" };
        var forbidden = new Queue { Name = prefix + " Zakázaná" };
        var inactiveAlfa = new Queue { Name = prefix + " alfa", IsActive = false };
        var hotline = new Queue { Name = prefix + " Hotline" };
        var other = new Queue { Name = prefix + " Ostatní" };
        var group = new QueueGroup { Name = prefix + " skupina", Queues = [inactiveAlfa, hotline] };
        var user = new User { UserName = prefix + "u", NormalizedUserName = (prefix + "u").ToUpperInvariant(), DisplayName = prefix + " Eva", SecurityStamp = "s" };
        // "Chata" and "Čtvrtá" sort the other way round in Czech ("ch" after "h") and in English.
        var connectors = new[] { "Chata", "Čtvrtá", "Hotline", "Jen zakázaná" }
            .Select(name => new Connector { Name = name, PhoneNumber = "+4207" + Random.Shared.NextInt64(10_000_000, 99_999_999) })
            .ToArray();
        db.AddRange(beta, forbidden, inactiveAlfa, hotline, other, group, user);
        db.AddRange(connectors);
        await db.SaveChangesAsync();

        var queues = new[] { beta, forbidden, inactiveAlfa, hotline, other };
        var endedBy = Enum.GetValues<EndedBy>().Select(e => (EndedBy?)e).Append(null).ToArray();
        var missed = Enum.GetValues<MissedState>();
        var chats = new List<Interaction>();
        for (var chat = 0; chat < 120; chat++)
        {
            var queue = queues[chat % queues.Length];
            chats.Add(new Interaction
            {
                Name = $"wap_{prefix}{chat}",
                // Several chats share a time and most share a bucket, so only the id orders them within one.
                Time = _from.AddHours(chat / 4),
                QueueId = queue.Id,
                // The last connector serves only the forbidden queue; every fifth chat of the others has none.
                ConnectorId = queue == forbidden && chat % 2 == 0 ? connectors[3].Id : chat % 7 == 0 ? null : connectors[chat % 3].Id,
                MissedState = missed[chat / 3 % missed.Length],
                EndedBy = endedBy[chat / 2 % endedBy.Length],
                Answered = chat % 3 != 0,
            });
        }

        chats.Add(new Interaction { Name = $"wap_{prefix}queueless", Time = _from.AddHours(2), ConnectorId = connectors[0].Id, EndedBy = EndedBy.System });
        db.Interactions.AddRange(chats);
        await db.SaveChangesAsync();

        // The user took part in two chats of the forbidden queue and in the queue-less one.
        foreach (var chat in chats.Where(c => c.QueueId == forbidden.Id).Take(2).Append(chats[^1]))
        {
            db.InteractionParticipants.Add(new InteractionParticipant { InteractionId = chat.Id, UserId = user.Id });
        }

        await db.SaveChangesAsync();
        _queues = new Queues(beta.Id, forbidden.Id, inactiveAlfa.Id, hotline.Id, other.Id, group.Id);
        _user = user.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<ListingColumn, string, string> Cases()
    {
        var data = new TheoryData<ListingColumn, string, string>();
        foreach (var column in new[] { ListingColumn.Connector, ListingColumn.Missed, ListingColumn.EndedBy })
        {
            foreach (var rights in new[] { "queues only", "every queue", "queues and a user" })
            {
                foreach (var filter in new[] { "none", "queues", "group and answered" })
                {
                    foreach (var language in new[] { "cs", "en" })
                    {
                        data.Add(column, rights, $"{filter}:{language}:asc");
                        data.Add(column, rights, $"{filter}:{language}:desc");
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_page_holds_the_rules_rows_in_its_order(ListingColumn column, string rightsCase, string filterLanguageDirection)
    {
        var (filter, language, direction) = (filterLanguageDirection.Split(':')[0], filterLanguageDirection.Split(':')[1], filterLanguageDirection.Split(':')[2]);
        var rights = rightsCase switch
        {
            "queues only" => new ViewerRights(false, false, [_queues.Beta, _queues.InactiveAlfa, _queues.Hotline], []),
            "every queue" => new ViewerRights(true, false, [], []),
            _ => new ViewerRights(false, false, [_queues.Beta, _queues.Hotline], [_user]),
        };
        var criteria = new ListingCriteria
        {
            From = _from,
            To = _to,
            Sort = column,
            Descending = direction == "desc",
            Language = language,
            QueueIds = filter == "queues" ? [_queues.Beta, _queues.Forbidden, _queues.InactiveAlfa] : [],
            QueueGroupIds = filter == "group and answered" ? [_queues.Group] : [],
            Answered = filter == "group and answered" ? true : null,
        };

        await using var db = database.OpenDb();
        var expected = await ExpectedAsync(rights, criteria);
        Assert.True(expected.Count > 2 * PageSize, $"only {expected.Count} rows");

        var pages = (expected.Count + PageSize - 1) / PageSize;
        for (var page = 0; page <= pages; page++)
        {
            var actual = await WapListingQuery.Matching(db, rights, criteria).AsNoTracking()
                .Page(db, rights, criteria, page * PageSize, PageSize)
                .Select(i => i.Id)
                .ToListAsync();
            Assert.Equal(expected.Skip(page * PageSize).Take(PageSize).ToList(), actual);
        }
    }

    [Theory]
    [InlineData(ListingColumn.Connector, "cs", false, "connector_name_cs")]
    [InlineData(ListingColumn.Connector, "en", true, "connector_name_und")]
    [InlineData(ListingColumn.Missed, "cs", true, "missed_label_cs")]
    [InlineData(ListingColumn.Missed, "en", false, "missed_label_und")]
    [InlineData(ListingColumn.EndedBy, "cs", false, "ended_by_label_cs")]
    [InlineData(ListingColumn.EndedBy, "en", true, "ended_by_label_und")]
    public async Task A_viewer_of_some_queues_reads_each_queues_first_rows_from_its_queue_led_index(
        ListingColumn column, string language, bool descending, string index)
    {
        var rights = new ViewerRights(false, false, [_queues.Beta, _queues.Hotline], []);
        var criteria = new ListingCriteria { From = _from, To = _to, Sort = column, Descending = descending, Language = language };
        await using var db = database.OpenDb();
        await using var command = WapListingQuery.Matching(db, rights, criteria).AsNoTracking()
            .Page(db, rights, criteria, 0, 50).ToRows().CreateDbCommand();

        var plan = await ListingSortKeysTests.ExplainWithoutSortingAsync(db, command);

        // Each queue's walk starts at its queue in the index that holds the order; only their few first rows are sorted.
        Assert.Matches($@"Limit\n\s+->  Index Scan (Backward )?using ix_interactions_queue_id_{index} on interactions i\n\s+Index Cond: \(.*\(queue_id = \(q\.id \+ 0\)\) AND \(""time"" >=", plan);
    }

    /// <summary>The rule of DESIGN §4, the Queue filter (<see cref="RightsOracle"/>) and the Answered filter, in the listing's order.</summary>
    private Task<List<long>> ExpectedAsync(ViewerRights rights, ListingCriteria criteria)
    {
        var collation = criteria.Language == "cs" ? "cs-x-icu" : "und-x-icu";
        var direction = criteria.Descending ? "DESC" : "ASC";
        var labels = criteria.Sort switch
        {
            ListingColumn.Missed => EnumLabels.Missed(criteria.Language).Select(l => (Value: l.Value.ToString(), l.Label)).ToList(),
            ListingColumn.EndedBy => EnumLabels.EndedBy(criteria.Language).Select(l => (Value: l.Value.ToString(), l.Label)).ToList(),
            _ => [],
        };
        var key = criteria.Sort switch
        {
            ListingColumn.Missed => "(SELECT l.label FROM unnest(@values, @labels) AS l(value, label) WHERE l.value = i.missed_state)",
            ListingColumn.EndedBy => "(SELECT l.label FROM unnest(@values, @labels) AS l(value, label) WHERE l.value = i.ended_by)",
            _ => "(SELECT c.name FROM connectors c WHERE c.id = i.connector_id)",
        };
        return RightsOracle.PermittedInteractionIdsAsync(
            database.ConnectionString, rights, criteria.From, criteria.To, criteria.QueueIds, criteria.QueueGroupIds,
            condition: criteria.Answered switch { true => "i.answered", false => "NOT i.answered", null => "TRUE" },
            orderBy: $"""{key} COLLATE "{collation}" {direction}, i.id {direction}""",
            parameters: new Dictionary<string, object>
            {
                ["values"] = labels.Select(l => l.Value).ToArray(),
                ["labels"] = labels.Select(l => l.Label).ToArray(),
            });
    }
}
