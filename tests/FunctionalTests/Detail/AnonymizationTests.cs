using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Listing;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Detail;

public sealed class AnonymizationTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private TestData Data => demo.Data;

    [Fact]
    public async Task Anonymizing_leaves_no_customer_name_number_or_message_text_in_the_interactions_rows_and_keeps_the_statistics()
    {
        // A chat full of personal data: number, WhatsApp name, CRM contact, texts, a file, and the same in QA and the timeline.
        const string number = "+420605777888";
        const string whatsAppName = "Libuška Soukromá";
        string[] texts = ["Bydlím v Kolářově ulici 15.", "Moje číslo účtu je 123456789/0800.", "Děkujeme, paní Soukromá."];
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var agent = await Data.AddUserAsync(UserRole.Agent);
        var contact = await Data.AddContactAsync("Libuše Soukromá (CRM)", number, "libuse@example.com");
        var chat = await Data.AddInteractionAsync(queue, ChatTime, i =>
        {
            i.CustomerNumber = number;
            i.WhatsAppContact = whatsAppName;
            i.ContactId = contact.Id;
            i.EndedBy = EndedBy.Customer;
            i.ClosedTime = ChatTime.AddMinutes(5);
        });
        var activity = await Data.AddActivityAsync(chat, agent, ChatTime.AddMinutes(1), a =>
        {
            a.ContactId = contact.Id;
            a.Notes = $"Volala {whatsAppName} z {number}.";
        });
        string[] whatsAppIds = [WhatsAppMessageId(number, 1), WhatsAppMessageId(number, 2), WhatsAppMessageId(number, 3)];
        await Data.AddMessageAsync(chat, ChatTime.AddSeconds(10), texts[0], with: m => m.WhatsAppMessageId = whatsAppIds[0]);
        var withFile = await Data.AddMessageAsync(chat, ChatTime.AddSeconds(40), texts[1], with: m => m.WhatsAppMessageId = whatsAppIds[1]);
        await Data.AddAttachmentAsync(withFile, "vypis-soukroma.pdf", "application/pdf", "%PDF-1.4 výpis"u8.ToArray());
        await Data.AddMessageAsync(chat, ChatTime.AddMinutes(2), texts[2], MessageDirection.AgentToCustomer, m => m.WhatsAppMessageId = whatsAppIds[2]);
        await Data.AddProcessingEventAsync(chat, ChatTime.AddMinutes(5), ProcessingEventKind.Closed, agent, $"Zavřeno, zákazník {number}");
        await Data.AddQaReviewAsync(activity, supervisor, TestClock.DemoNow, 70, $"Zákazník {whatsAppName} ({number}) psal: {texts[0]}");
        var before = await StatisticsAsync(chat.Id);

        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(supervisor.UserName!);
        var confirm = await client.GetStringAsync($"/listing/activities/anonymize?name={chat.Name}");
        Assert.Contains("data-testid=\"confirm-anonymize\"", confirm);
        var response = await client.PostFormAsync($"/listing/activities/anonymize?name={chat.Name}", "/listing/activities/anonymize", new() { ["name"] = chat.Name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await client.PostFormAsync(Page(chat.Name), "/listing/activities/anonymize", new() { ["name"] = chat.Name });
        Assert.EndsWith("done=unchanged", again.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (tables, dump) = await DumpTextsAsync(chat.Id);
        Assert.Superset(new HashSet<string> { "interactions", "activities", "messages", "message_attachments", "processing_events", "qa_reviews", "interaction_participants", "audit_entries" }, tables);
        Assert.Contains(chat.Name, dump);
        Assert.Contains(activity.Name, dump);
        // The number in any format (spaces and dashes are ignored below), inside base64 as real WhatsApp ids carry it, the names, texts, file and ids.
        string[] personal =
        [
            number, number[1..], number[4..], Base64Of(number[1..]), whatsAppName, contact.Name, "Soukrom", .. texts, "vypis-soukroma.pdf", .. whatsAppIds,
        ];
        foreach (var value in personal)
        {
            Assert.DoesNotContain(dump, cell => cell.Contains(value, StringComparison.Ordinal) || Compact(cell).Contains(value, StringComparison.Ordinal));
        }

        Assert.Equal(3, dump.Count(cell => cell.StartsWith("anonymized:", StringComparison.Ordinal)));
        await using (var names = demo.OpenDb())
        {
            // No other chat had the WhatsApp name, so the WhatsApp contact filter's list of names forgot it too.
            Assert.False(await names.WhatsAppContactNames.AnyAsync(n => n.Folded.Contains("soukrom")));
        }

        Assert.Equal(before, await StatisticsAsync(chat.Id));
        await using var after = demo.OpenDb();
        var anonymized = await after.Interactions.Where(i => i.Id == chat.Id)
            .Select(i => new
            {
                i.AnonymizedAt,
                i.AnonymizedById,
                i.ContactId,
                Messages = i.Messages.Count,
                Activities = i.Activities.Count,
                Attachments = i.Messages.SelectMany(m => m.Attachments).Count(),
            })
            .SingleAsync();
        Assert.Equal(new { AnonymizedAt = (DateTimeOffset?)TestClock.DemoNow, AnonymizedById = (int?)supervisor.Id, ContactId = (int?)null, Messages = 3, Activities = 1, Attachments = 0 }, anonymized);
        Assert.Equal(1, await after.AuditEntries.CountAsync(a => a.Action == "interaction.anonymized" && a.UserId == supervisor.Id));

        var listing = await client.GetStringAsync($"/listing/wap?time=thisyear&name={chat.Name}");
        Assert.Equal([chat.Name], ListingPages.RowNames(listing));
        Assert.Contains("<span class=\"text-body-secondary fst-italic\">anonymizováno</span>", listing);
        Assert.DoesNotContain(whatsAppName, listing);
    }

    /// <summary>What reports keep: the chat's times, queue, user, connector, durations and outcomes.</summary>
    private async Task<object> StatisticsAsync(long interactionId)
    {
        await using var db = demo.OpenDb();
        return await db.Interactions.Where(i => i.Id == interactionId)
            .Select(i => new { i.Time, i.QueueId, i.UserId, i.ConnectorId, i.WaitTime, i.Duration, i.TalkTime, i.Answered, i.EndedBy, i.MissedState, i.MissedTime, i.ClosedTime })
            .SingleAsync();
    }

    /// <summary>A WhatsApp message id shaped like the real ones: base64 of a structure that holds the customer's number.</summary>
    private static string WhatsAppMessageId(string number, int serial) =>
        "wamid." + Convert.ToBase64String([0x1C, 0x18, 0x0C, .. System.Text.Encoding.ASCII.GetBytes(number[1..]), 0x15, 0x02, 0x00, 0x12, 0x18, 0x14, .. System.Text.Encoding.ASCII.GetBytes($"3EB0BA216FD869CBE74{serial}")]);

    /// <summary>The base64 of the number's digits as they appear inside real WhatsApp ids (aligned on 3 bytes after the 3-byte header).</summary>
    private static string Base64Of(string digits) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(digits));

    private static string Compact(string cell) => new([.. cell.Where(c => c is not (' ' or '-' or '(' or ')' or '.' or '/'))]);

    /// <summary>
    /// Every column of every row tied to the interaction, found generically from the database catalog: the interaction's
    /// own row, then the rows of every table with a foreign key to a table already collected (activities, messages, their
    /// QA reviews, attachments, events, participants, and whatever is added later), and the whole audit log. Other
    /// interactions that point to this one (contacted back by) are other conversations and are not followed.
    /// </summary>
    private async Task<(HashSet<string> Tables, List<string> Cells)> DumpTextsAsync(long interactionId)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        var foreignKeys = new List<(string Child, string ChildColumn, string Parent, string ParentColumn)>();
        await using (var catalog = new NpgsqlCommand(
            """
            SELECT kcu.table_name, kcu.column_name, ccu.table_name, ccu.column_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            """,
            connection))
        await using (var reader = await catalog.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var owners = new Dictionary<string, string> { ["interactions"] = "id = @id" };
        bool added;
        do
        {
            added = false;
            foreach (var (child, childColumn, parent, parentColumn) in foreignKeys)
            {
                if (child == "interactions" || !owners.TryGetValue(parent, out var parentWhere))
                {
                    continue;
                }

                var where = $"{childColumn} IN (SELECT {parentColumn} FROM {parent} WHERE {parentWhere})";
                if (owners.TryGetValue(child, out var existing))
                {
                    if (existing.Contains(where, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    where = $"({existing}) OR ({where})";
                }

                owners[child] = where;
                added = true;
            }
        }
        while (added && owners.Values.All(w => w.Length < 10_000));

        owners["audit_entries"] = "TRUE";
        var cells = new List<string>();
        foreach (var (table, where) in owners)
        {
            await using var command = new NpgsqlCommand($"SELECT t.* FROM {table} t WHERE {where}", connection);
            command.Parameters.AddWithValue("id", interactionId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var column = 0; column < reader.FieldCount; column++)
                {
                    cells.Add(reader.GetValue(column) switch
                    {
                        DBNull => string.Empty,
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        string[] values => string.Join("\n", values),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    });
                }
            }
        }

        return ([.. owners.Keys], cells);
    }
}
