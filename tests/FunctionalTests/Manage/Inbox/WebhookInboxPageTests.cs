using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Ingestion;
using WapListing.Infrastructure.Ingestion;

namespace WapListing.FunctionalTests.Manage.Inbox;

/// <summary>Manage → WhatsApp inbox: parked webhook bodies are visible to administrators with their error, and can be sent back.</summary>
public sealed class WebhookInboxPageTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    [Fact]
    public async Task A_parked_body_is_shown_with_its_error_and_once_its_connector_exists_a_retry_stores_its_message()
    {
        var phoneNumberId = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var wamid = "wamid.PARK" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WebhookAppFixture.Fixture("text"))
            .Replace(WebhookAppFixture.PhoneNumberId, phoneNumberId, StringComparison.Ordinal)
            .Replace("wamid.HBgLNDIwNzc3MTIzNDU2FQIAEhgUM0VCMEQ1", wamid, StringComparison.Ordinal)
            .Replace("Dobrý den, kde je moje objednávka?", "<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);
        for (var i = 0; i <= WebhookInbox.MaxAttempts; i++)
        {
            await Task.Delay(150);
            app.App.Clock.Advance(TimeSpan.FromMinutes(6));
        }

        await app.DrainedAsync();
        long parkedId;
        await using (var db = app.OpenDb())
        {
            parkedId = await db.WebhookInbox.Where(x => x.Body == body && x.ParkedAt != null).Select(x => x.Id).SingleAsync();
        }

        var admin = await SignedInAdministratorAsync();
        var page = await admin.GetStringAsync("/manage/inbox");

        Assert.Contains($"data-inbox-id=\"{parkedId}\"", page);
        Assert.Contains(phoneNumberId, page);
        Assert.Contains("UnknownPhoneNumberException", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);

        await using (var db = app.OpenDb())
        {
            db.Connectors.Add(new Connector { Name = "Later connector", PhoneNumber = "+420800999999", WhatsAppPhoneNumberId = phoneNumberId, DefaultQueueId = app.DefaultQueue.Id });
            await db.SaveChangesAsync();
        }

        var token = HttpSignIn.AntiforgeryToken(page);
        var retried = await admin.PostAsync($"/manage/inbox/{parkedId}/retry", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await app.DrainedAsync();
        await using var check = app.OpenDb();
        Assert.True(await check.Messages.AnyAsync(m => m.WhatsAppMessageId == wamid));
        Assert.NotNull(await check.WebhookInbox.Where(x => x.Id == parkedId).Select(x => x.ProcessedAt).SingleAsync());
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "webhook.retried"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/manage/inbox/{parkedId}/retry", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_parked_at_once_and_counted()
    {
        var garbage = Encoding.UTF8.GetBytes("{\"entry\": [ broken " + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(garbage)).StatusCode);
        await app.DrainedAsync();

        var admin = await SignedInAdministratorAsync();
        var page = await admin.GetStringAsync("/manage/inbox");

        Assert.Contains("JsonException", page);
        Assert.Matches("data-testid=\"parked\">[1-9]", page);
    }

    private async Task<HttpClient> SignedInAdministratorAsync()
    {
        var administrator = await new TestData(app.ConnectionString).AddUserAsync(UserRole.Administrator, allQueues: true, allUsers: true);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.Http.BaseAddress };
        await client.SignInAsync(administrator.UserName!);
        return client;
    }
}
