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
        await Data.AddMessageAsync(chat, ChatTime.AddSeconds(10), texts[0]);
        var withFile = await Data.AddMessageAsync(chat, ChatTime.AddSeconds(40), texts[1]);
        await Data.AddAttachmentAsync(withFile, "vypis-soukroma.pdf", "application/pdf", "%PDF-1.4 výpis"u8.ToArray());
        await Data.AddMessageAsync(chat, ChatTime.AddMinutes(2), texts[2], MessageDirection.AgentToCustomer);
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

        var dump = await DumpTextsAsync(chat.Id);
        Assert.Contains(chat.Name, dump);
        Assert.Contains(activity.Name, dump);
        string[] personal = [number, number[1..], whatsAppName, contact.Name, "Soukrom", .. texts, "vypis-soukroma.pdf"];
        foreach (var value in personal)
        {
            Assert.DoesNotContain(dump, cell => cell.Contains(value, StringComparison.Ordinal));
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

    /// <summary>Every text-like column of the interaction's own rows, and the whole audit log.</summary>
    private async Task<List<string>> DumpTextsAsync(long interactionId)
    {
        var owners = new Dictionary<string, string>
        {
            ["interactions"] = "id = @id",
            ["activities"] = "interaction_id = @id",
            ["messages"] = "interaction_id = @id",
            ["processing_events"] = "interaction_id = @id",
            ["message_attachments"] = "message_id IN (SELECT id FROM messages WHERE interaction_id = @id)",
            ["qa_reviews"] = "activity_id IN (SELECT id FROM activities WHERE interaction_id = @id)",
            ["audit_entries"] = "TRUE",
        };
        var cells = new List<string>();
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
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

        return cells;
    }
}
