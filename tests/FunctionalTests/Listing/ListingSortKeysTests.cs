using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// The listing sorts by copies of the queue, user, contact and connector names that the database keeps on each
/// interaction (migration ListingSortKeys), read from collated indexes. These tests prove the copies stay equal to the
/// names whoever writes, and that every sort's expression is one an index serves, in both languages and directions.
/// The order itself is compared with the joined names by <see cref="ListingFiltersAndSortingTests"/>.
/// </summary>
public sealed class ListingSortKeysTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>
{
    [Fact]
    public async Task Sort_names_are_the_queues_users_contacts_and_connectors_whoever_writes_and_follow_renames_and_deletes()
    {
        var prefix = $"k{Guid.NewGuid():N}"[..10];
        await using var db = database.OpenDb();
        var queue = new Queue { Name = prefix + " Podpora" };
        var otherQueue = new Queue { Name = prefix + " Prodej" };
        var user = new User { UserName = prefix + "u", NormalizedUserName = (prefix + "u").ToUpperInvariant(), DisplayName = prefix + " Adam", SecurityStamp = "s" };
        var contact = new Contact { Name = prefix + " Dvořák" };
        var connector = new Connector { Name = prefix + " Linka", PhoneNumber = "+420700" + Random.Shared.Next(100000, 999999) };
        db.AddRange(queue, otherQueue, user, contact, connector);
        await db.SaveChangesAsync();

        var chat = new Interaction
        {
            Name = $"wap_{prefix}1",
            Time = TestClock.DemoNow,
            QueueId = queue.Id,
            UserId = user.Id,
            ContactId = contact.Id,
            ConnectorId = connector.Id,
        };
        db.Interactions.Add(chat);
        await db.SaveChangesAsync();
        await AssertCopiesAsync(chat.Id, queue.Name, user.DisplayName, contact.Name, connector.Name);

        // Raw SQL that writes other names on purpose gets the real ones.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO interactions (name, time, direction, queue_id, user_id, contact_id, connector_id, answered, wait_time, duration, talk_time, missed_state, is_draft, queue_name, user_name, contact_name, connector_name)
            VALUES ({"wap_" + prefix + "2"}, {TestClock.DemoNow}, 'In', {otherQueue.Id}, {user.Id}, NULL, {connector.Id}, TRUE, 0, 0, 0, 'None', FALSE, 'forged', 'forged', 'forged', 'forged')
            """);
        var raw = await db.Interactions.AsNoTracking().SingleAsync(i => i.Name == "wap_" + prefix + "2");
        await AssertCopiesAsync(raw.Id, otherQueue.Name, user.DisplayName, null, connector.Name);
        await db.Database.ExecuteSqlAsync($"UPDATE interactions SET queue_name = 'forged', contact_name = 'forged' WHERE id = {raw.Id}");
        await AssertCopiesAsync(raw.Id, otherQueue.Name, user.DisplayName, null, connector.Name);

        // A moved chat takes its new queue's name; a chat paired with a contact takes the contact's.
        await db.Interactions.Where(i => i.Id == chat.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.QueueId, otherQueue.Id));
        await db.Interactions.Where(i => i.Id == raw.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.ContactId, contact.Id));
        await AssertCopiesAsync(chat.Id, otherQueue.Name, user.DisplayName, contact.Name, connector.Name);
        await AssertCopiesAsync(raw.Id, otherQueue.Name, user.DisplayName, contact.Name, connector.Name);

        // Renames reach every chat; an unchanged save rewrites nothing.
        otherQueue.Name = prefix + " Čtvrtá linka";
        user.DisplayName = prefix + " Adam Nový";
        contact.Name = prefix + " Dvořáková";
        connector.Name = prefix + " Hlavní linka";
        await db.SaveChangesAsync();
        await AssertCopiesAsync(chat.Id, otherQueue.Name, user.DisplayName, contact.Name, connector.Name);
        await AssertCopiesAsync(raw.Id, otherQueue.Name, user.DisplayName, contact.Name, connector.Name);

        // Deleting a connector or contact empties the reference (ON DELETE SET NULL) and with it the copy.
        db.Remove(connector);
        db.Remove(contact);
        await db.SaveChangesAsync();
        await AssertCopiesAsync(chat.Id, otherQueue.Name, user.DisplayName, null, null);
        await AssertCopiesAsync(raw.Id, otherQueue.Name, user.DisplayName, null, null);

        // The app's own save of a loaded interaction leaves the copies to the database.
        await using (var app = database.OpenDb())
        {
            var loaded = await app.Interactions.SingleAsync(i => i.Id == chat.Id);
            Assert.Equal(otherQueue.Name, loaded.QueueName);
            loaded.QueueId = queue.Id;
            loaded.WaitTime = 42;
            await app.SaveChangesAsync();
        }

        await AssertCopiesAsync(chat.Id, queue.Name, user.DisplayName, null, null);
    }

    public static TheoryData<ListingColumn, string, bool> EverySort()
    {
        var data = new TheoryData<ListingColumn, string, bool>();
        foreach (var column in Enum.GetValues<ListingColumn>().Where(c => c != ListingColumn.Name))
        {
            foreach (var language in new[] { "cs", "en" })
            {
                data.Add(column, language, false);
                data.Add(column, language, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySort))]
    public async Task Every_sort_is_read_from_an_index_in_its_order(ListingColumn column, string language, bool descending)
    {
        await using var db = database.OpenDb();
        var criteria = new ListingCriteria
        {
            From = TestClock.DemoNow.AddDays(-30),
            To = TestClock.DemoNow,
            Sort = column,
            Descending = descending,
            Language = language,
        };
        var page = WapListingQuery.Matching(db, new ViewerRights(true, true, [], []), criteria)
            .AsNoTracking()
            .Sorted(criteria)
            .Take(50)
            .ToRows();

        await using var command = page.CreateDbCommand();
        var plan = await ExplainWithoutSortingAsync(db, command);

        // The planner, told that sorting is the last resort, reads the interactions from an index that holds the order.
        var alphabet = language == "cs" ? "cs" : "und";
        var index = column switch
        {
            ListingColumn.Time => "ix_interactions_time_id",
            ListingColumn.Queue => $"ix_interactions_queue_name_{alphabet}",
            ListingColumn.User => $"ix_interactions_user_name_{alphabet}",
            ListingColumn.Contact => $"ix_interactions_contact_name_{alphabet}",
            ListingColumn.WhatsAppContact => $"ix_interactions_whatsapp_contact_{alphabet}",
            ListingColumn.Connector => $"ix_interactions_connector_name_{alphabet}",
            ListingColumn.EndedBy => $"ix_interactions_ended_by_label_{alphabet}",
            ListingColumn.Missed => $"ix_interactions_missed_label_{alphabet}",
            ListingColumn.Answered => "ix_interactions_answered_id_time",
            ListingColumn.WaitTime => "ix_interactions_wait_time_id_time",
            ListingColumn.Duration => "ix_interactions_duration_id_time",
            ListingColumn.MissedTime => "ix_interactions_missed_time_id_time",
            _ => throw new ArgumentOutOfRangeException(nameof(column)),
        };
        Assert.Matches($@"Index Scan (Backward )?using {index} on interactions i\n\s+Index Cond: \(\(""time"" >=", plan);
        Assert.DoesNotMatch(@"Sort\s+\(", FirstInteractionsAccess(plan));
    }

    internal static async Task<string> ExplainWithoutSortingAsync(WapListing.Infrastructure.Data.WapListingDbContext db, DbCommand command)
    {
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_sort = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off;");
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = "EXPLAIN (COSTS OFF) " + command.CommandText;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The plan up to the node that reads the interactions: any sort above it would be over the whole range.</summary>
    private static string FirstInteractionsAccess(string plan)
    {
        var end = plan.IndexOf(" on interactions", StringComparison.Ordinal);
        var lines = plan[..end].Split('\n');
        // The outer query re-sorts the page's 50 joined rows; only a sort between the LIMIT and the interactions would
        // sort the range.
        var limit = Array.FindLastIndex(lines, l => l.Contains("Limit", StringComparison.Ordinal));
        return string.Join('\n', lines[Math.Max(0, limit)..]);
    }

    private async Task AssertCopiesAsync(long id, string? queue, string? user, string? contact, string? connector)
    {
        await using var db = database.OpenDb();
        var copies = await db.Interactions.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.QueueName, i.UserName, i.ContactName, i.ConnectorName }).SingleAsync();
        Assert.Equal(new { QueueName = queue, UserName = user, ContactName = contact, ConnectorName = connector }, copies);
    }
}
