using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// The WhatsApp contact filter asks the distinct names the database keeps (migration WhatsAppContactNames) and then
/// their chats. These tests prove the names follow every write — the app, raw SQL, a rename, an
/// anonymization, a delete, and a chat stored while another chat of the same name is anonymized — and that the filter
/// returns exactly the rule's rows, in order, with LIKE's special characters in the search.
/// </summary>
public sealed class WhatsAppContactNamesTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>
{
    [Fact]
    public async Task The_names_follow_inserts_renames_anonymizations_and_deletes_whoever_writes()
    {
        var prefix = $"w{Guid.NewGuid():N}"[..10];
        await using var db = database.OpenDb();
        var queue = new Queue { Name = prefix };
        db.Add(queue);
        await db.SaveChangesAsync();

        // Two chats of one name through the app, one through raw SQL.
        var first = new Interaction { Name = $"wap_{prefix}1", Time = TestClock.DemoNow, QueueId = queue.Id, WhatsAppContact = prefix + " Dvořák" };
        var second = new Interaction { Name = $"wap_{prefix}2", Time = TestClock.DemoNow, QueueId = queue.Id, WhatsAppContact = prefix + " DVOŘÁK" };
        db.Interactions.AddRange(first, second);
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO interactions (name, time, direction, queue_id, whats_app_contact, answered, wait_time, duration, talk_time, missed_state, is_draft)
            VALUES ({"wap_" + prefix + "3"}, {TestClock.DemoNow}, 'In', {queue.Id}, {prefix + " Novák"}, FALSE, 0, 0, 0, 'None', FALSE)
            """);
        Assert.Equal([prefix + " dvorak", prefix + " novak"], await NamesAsync(prefix));

        // A rename adds the new name; the old one stays while a chat has it.
        await db.Interactions.Where(i => i.Id == second.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.WhatsAppContact, prefix + " Svoboda"));
        Assert.Equal([prefix + " dvorak", prefix + " novak", prefix + " svoboda"], await NamesAsync(prefix));

        // Anonymizing the last chat of a name forgets it; a deleted last chat too.
        await db.Interactions.Where(i => i.Id == first.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.WhatsAppContact, (string?)null));
        Assert.Equal([prefix + " novak", prefix + " svoboda"], await NamesAsync(prefix));
        await db.Interactions.Where(i => i.Name == "wap_" + prefix + "3").ExecuteDeleteAsync();
        Assert.Equal([prefix + " svoboda"], await NamesAsync(prefix));

        // A name two chats share stays when one of them is anonymized or deleted.
        var third = new Interaction { Name = $"wap_{prefix}4", Time = TestClock.DemoNow, QueueId = queue.Id, WhatsAppContact = prefix + " Svoboda" };
        db.Interactions.Add(third);
        await db.SaveChangesAsync();
        await db.Interactions.Where(i => i.Id == second.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.WhatsAppContact, (string?)null));
        Assert.Equal([prefix + " svoboda"], await NamesAsync(prefix));
        await db.Interactions.Where(i => i.Id == third.Id).ExecuteDeleteAsync();
        Assert.Empty(await NamesAsync(prefix));
    }

    [Fact]
    public async Task A_chat_stored_while_the_last_other_chat_of_its_name_is_anonymized_keeps_the_name()
    {
        var prefix = $"x{Guid.NewGuid():N}"[..10];
        var name = prefix + " Kučera";
        await using var db = database.OpenDb();
        var queue = new Queue { Name = prefix };
        db.Add(queue);
        await db.SaveChangesAsync();
        var old = new Interaction { Name = $"wap_{prefix}old", Time = TestClock.DemoNow.AddDays(-1), QueueId = queue.Id, WhatsAppContact = name };
        db.Interactions.Add(old);
        await db.SaveChangesAsync();

        // A new chat of the same name is stored but not yet committed while the old one is anonymized.
        await using var storing = new NpgsqlConnection(database.ConnectionString);
        await storing.OpenAsync();
        await using var transaction = await storing.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO interactions (name, time, direction, queue_id, whats_app_contact, answered, wait_time, duration, talk_time, missed_state, is_draft) " +
            "VALUES (@name, @time, 'In', @queue, @contact, FALSE, 0, 0, 0, 'None', FALSE)", storing, transaction))
        {
            insert.Parameters.AddWithValue("name", $"wap_{prefix}new");
            insert.Parameters.AddWithValue("time", TestClock.DemoNow);
            insert.Parameters.AddWithValue("queue", queue.Id);
            insert.Parameters.AddWithValue("contact", name);
            await insert.ExecuteNonQueryAsync();
        }

        var anonymizing = db.Interactions.Where(i => i.Id == old.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.WhatsAppContact, (string?)null));
        await Task.Delay(500);
        Assert.False(anonymizing.IsCompleted, "The anonymization did not wait for the chat being stored with the same name.");
        await transaction.CommitAsync();
        await anonymizing;

        Assert.Equal([prefix + " kucera"], await NamesAsync(prefix));
        var rights = new ViewerRights(false, false, [queue.Id], []);
        var criteria = new ListingCriteria { From = TestClock.DemoNow.AddDays(-3), To = TestClock.DemoNow.AddDays(1), WhatsAppContact = "kučera" };
        var found = await WapListingQuery.Matching(db, rights, criteria).Select(i => i.Name).ToListAsync();
        Assert.Equal([$"wap_{prefix}new"], found);
    }

    public static TheoryData<string, string> Searches()
    {
        var data = new TheoryData<string, string>();
        foreach (var rights in new[] { "queues only", "queue filter", "every queue", "queues and a user" })
        {
            foreach (var search in new[] { "dvor", "ÁK 1", "50%_\\" })
            {
                data.Add(rights, search);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task The_filter_finds_exactly_the_rules_chats_by_whatsapp_contact(string rightsCase, string search)
    {
        var prefix = $"y{Guid.NewGuid():N}"[..10];
        var from = TestClock.DemoNow.AddYears(-5).AddDays(Random.Shared.Next(0, 300)).AddMinutes(Random.Shared.Next(0, 1440));
        await using var db = database.OpenDb();
        var permitted = new Queue { Name = prefix + " A" };
        var inactive = new Queue { Name = prefix + " B", IsActive = false };
        var forbidden = new Queue { Name = prefix + " C" };
        var user = new User { UserName = prefix + "u", NormalizedUserName = (prefix + "u").ToUpperInvariant(), DisplayName = prefix + " Eva", SecurityStamp = "s" };
        db.AddRange(permitted, inactive, forbidden, user);
        await db.SaveChangesAsync();
        string?[] names = ["Dvořák 1", "dvorak 10", "Jan Dvořáková", "Novák 1", "50%_\\ sleva", "50x_\\ sleva", "50%x\\ sleva", null];
        var queues = new[] { permitted, inactive, forbidden };
        var chats = new List<Interaction>();
        for (var chat = 0; chat < 48; chat++)
        {
            chats.Add(new Interaction
            {
                Name = $"wap_{prefix}{chat}",
                Time = from.AddMinutes(chat / 2),
                QueueId = queues[chat % 3].Id,
                WhatsAppContact = names[chat % names.Length],
            });
        }

        chats.Add(new Interaction { Name = $"wap_{prefix}queueless", Time = from, WhatsAppContact = "Dvořák 1" });
        db.Interactions.AddRange(chats);
        await db.SaveChangesAsync();
        // The user took part in some chats of the forbidden queue and in the queue-less one.
        foreach (var chat in chats.Where(c => c.QueueId == forbidden.Id).Take(8).Append(chats[^1]))
        {
            db.InteractionParticipants.Add(new InteractionParticipant { InteractionId = chat.Id, UserId = user.Id });
        }

        await db.SaveChangesAsync();

        var rights = rightsCase switch
        {
            "queues only" => new ViewerRights(false, false, [permitted.Id, inactive.Id], []),
            "queues and a user" => new ViewerRights(false, false, [permitted.Id], [user.Id]),
            _ => new ViewerRights(true, true, [], []),
        };
        var picked = rightsCase == "queue filter" ? new[] { permitted.Id, inactive.Id } : [];
        var criteria = new ListingCriteria { From = from, To = from.AddDays(1), WhatsAppContact = search, QueueIds = picked };

        var actual = await WapListingQuery.Matching(db, rights, criteria).AsNoTracking().Sorted(criteria).Select(i => i.Id).ToListAsync();

        // The rule of DESIGN §4 and the Queue filter, with the search as a plain substring of the folded name.
        var expected = await RightsOracle.PermittedInteractionIdsAsync(
            database.ConnectionString, rights, criteria.From, criteria.To, picked, [],
            condition: "strpos(lower(unaccent(i.whats_app_contact)), lower(unaccent(@search))) > 0",
            parameters: new Dictionary<string, object> { ["search"] = search });
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    private async Task<List<string>> NamesAsync(string prefix)
    {
        await using var db = database.OpenDb();
        return await db.WhatsAppContactNames.Where(n => n.Folded.StartsWith(prefix)).Select(n => n.Folded).OrderBy(n => n).ToListAsync();
    }
}
