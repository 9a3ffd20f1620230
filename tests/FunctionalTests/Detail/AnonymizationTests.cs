using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Detail;

public sealed class AnonymizationTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Anonymizing_leaves_no_customer_name_number_or_message_text_in_the_interactions_rows_and_keeps_the_statistics()
    {
        await using var db = demo.OpenDb();
        var target = await db.Interactions
            .Where(i => i.Queue!.Name == "Podpora CZ" && i.ContactId != null && i.CustomerNumber != null && i.WhatsAppContact != null)
            .Where(i => i.Messages.Any(m => m.Attachments.Any()) && i.Activities.Any(a => a.ContactId != null))
            .OrderByDescending(i => i.Time)
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.CustomerNumber,
                i.WhatsAppContact,
                Contact = i.Contact!.Name,
                Texts = i.Messages.Where(m => m.Text != null).Select(m => m.Text!).ToList(),
                Files = i.Messages.SelectMany(m => m.Attachments).Select(a => a.FileName).ToList(),
                Stats = new { i.Time, i.QueueId, i.UserId, i.ConnectorId, i.WaitTime, i.Duration, i.TalkTime, i.Answered, i.EndedBy, i.MissedState, i.MissedTime, i.ClosedTime },
                Messages = i.Messages.Count,
                Activities = i.Activities.Count,
            })
            .FirstAsync();
        var activityId = await db.Activities.Where(a => a.InteractionId == target.Id).Select(a => a.Id).FirstAsync();
        db.QaReviews.Add(new() { ActivityId = activityId, ReviewerId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync(), Time = TestClock.DemoNow, Score = 70, Comment = $"Zákazník {target.WhatsAppContact} ({target.CustomerNumber}) psal: {target.Texts[0]}" });
        await db.SaveChangesAsync();

        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var confirm = await client.GetStringAsync($"/listing/activities/anonymize?name={target.Name}");
        Assert.Contains("data-testid=\"confirm-anonymize\"", confirm);
        var response = await client.PostFormAsync($"/listing/activities/anonymize?name={target.Name}", "/listing/activities/anonymize", new() { ["name"] = target.Name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = await client.PostFormAsync($"/listing/activities/?activityDetail={target.Name}", "/listing/activities/anonymize", new() { ["name"] = target.Name });
        Assert.Contains("done=unchanged", again.Headers.Location!.ToString());

        var dump = await DumpTextsAsync(target.Id);
        string[] personal = [target.CustomerNumber!, target.CustomerNumber![1..], target.WhatsAppContact!, target.Contact, .. target.Texts.Where(t => t.Length >= 4), .. target.Files];
        foreach (var value in personal.Distinct())
        {
            Assert.DoesNotContain(dump, cell => cell.Contains(value, StringComparison.Ordinal));
        }

        await using var after = demo.OpenDb();
        var anonymized = await after.Interactions.Where(i => i.Id == target.Id)
            .Select(i => new
            {
                Stats = new { i.Time, i.QueueId, i.UserId, i.ConnectorId, i.WaitTime, i.Duration, i.TalkTime, i.Answered, i.EndedBy, i.MissedState, i.MissedTime, i.ClosedTime },
                i.AnonymizedAt,
                i.AnonymizedById,
                i.ContactId,
                Messages = i.Messages.Count,
                Activities = i.Activities.Count,
                Attachments = i.Messages.SelectMany(m => m.Attachments).Count(),
            })
            .SingleAsync();
        Assert.Equal(target.Stats, anonymized.Stats);
        Assert.Equal(target.Messages, anonymized.Messages);
        Assert.Equal(target.Activities, anonymized.Activities);
        Assert.Equal(0, anonymized.Attachments);
        Assert.Null(anonymized.ContactId);
        Assert.Equal(TestClock.DemoNow, anonymized.AnonymizedAt);
        Assert.Equal(await after.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync(), anonymized.AnonymizedById);
        Assert.Equal(1, await after.AuditEntries.CountAsync(a => a.Action == "interaction.anonymized"));

        var listing = await client.GetStringAsync($"/listing/wap?time=thisyear&name={target.Name}");
        Assert.Contains("anonymizováno", listing);
        Assert.DoesNotContain(target.WhatsAppContact!, listing);
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
                        string[] texts => string.Join("\n", texts),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                    });
                }
            }
        }

        Assert.NotEmpty(cells);
        return cells;
    }
}
