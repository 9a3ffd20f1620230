using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Detail;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Ingestion;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Sending;

namespace WapListing.FunctionalTests.Sending;

/// <summary>
/// The webhook app with a small per-user send limit and the lost-send recovery left to the tests (they run it when
/// they want it, at the instant they choose), plus what the sending tests share: a missed chat of a customer, a
/// supervisor who sees it, and the composer's forms.
/// </summary>
public sealed partial class SendingAppFixture : WebhookAppFixture
{
    public const int MessagesPerMinute = 4;

    protected override IEnumerable<(string Key, string Value)> MoreSettings =>
    [
        ("WhatsApp:SendRecoverySeconds", "0"),
        ("RateLimiting:MessagesPerUserPerMinute", MessagesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public TestData Data => new(ConnectionString);

    /// <summary>A customer number nobody else in the tests uses.</summary>
    public static string NewCustomerNumber() => "+420" + Random.Shared.Next(600_000_000, 799_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A missed inbound chat of a new customer on the fixture's connector, whose last message came
    /// <paramref name="customerWroteAgo"/> before the app's now, and a Czech supervisor who sees the connector's queue.
    /// </summary>
    public async Task<(User Supervisor, Interaction Missed, string CustomerNumber)> MissedChatAsync(TimeSpan customerWroteAgo, string language = "cs")
    {
        var number = NewCustomerNumber();
        var wrote = TestClock.DemoNow - customerWroteAgo;
        var missed = await Data.AddInteractionAsync(DefaultQueue, wrote.AddSeconds(-30), i =>
        {
            i.CustomerNumber = number;
            i.CustomerKey = number;
            i.WhatsAppContact = "Zákazník <b>Nový</b>";
            i.Answered = false;
            i.WaitTime = 300;
            i.TalkTime = 0;
            i.MissedState = MissedState.Shown;
            i.MissedTime = wrote.AddMinutes(5);
            i.ClosedTime = wrote.AddMinutes(5);
            i.EndedBy = EndedBy.Timeout;
        });
        await Data.AddMessageAsync(missed, wrote, "Dobrý den, ozvěte se mi prosím.");
        var supervisor = await Data.AddUserAsync(UserRole.Supervisor, language: language, displayName: "Soňa Odesílací", grants: [RightsGrant.ForQueue(DefaultQueue.Id)]);
        return (supervisor, missed, number);
    }

    public async Task<HttpClient> SignedInAsync(User user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Http.BaseAddress };
        await client.SignInAsync(user.UserName!);
        return client;
    }

    /// <summary>Clicks the WhatsApp icon on <paramref name="chat"/>'s detail: the new activity's name (a draft to write from).</summary>
    public static async Task<string> StartNewActivityAsync(HttpClient client, Interaction chat)
    {
        var response = await client.PostFormAsync(DetailSupport.Page(chat.Name), "/listing/activities/start", new() { ["name"] = chat.Name });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return ActivityDetail().Match(response.Headers.Location!.OriginalString).Groups[1].Value;
    }

    /// <summary>The composer's form as the page gives it (client key, antiforgery token), with these fields; posted to send or preview.</summary>
    public static async Task<HttpResponseMessage> PostComposerAsync(HttpClient client, string draft, Dictionary<string, string> fields, bool preview = false, Guid? clientKey = null)
    {
        var page = await client.GetStringAsync(DetailSupport.Page(draft));
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(page),
            ["Name"] = draft,
            ["ClientKey"] = (clientKey ?? ClientKeyOf(page)).ToString(),
        };
        return await client.PostAsync(preview ? "/listing/activities/send/preview" : "/listing/activities/send", new FormUrlEncodedContent(form));
    }

    public static Guid ClientKeyOf(string page) => Guid.Parse(ClientKeyPattern().Match(page).Groups[1].Value);

    public async Task<Interaction> InteractionAsync(long id)
    {
        await using var db = OpenDb();
        return await db.Interactions.AsNoTracking().Include(i => i.Activities).SingleAsync(i => i.Id == id);
    }

    public async Task<Interaction> InteractionOfActivityAsync(string activityName)
    {
        await using var db = OpenDb();
        return await db.Interactions.AsNoTracking().Include(i => i.Activities).SingleAsync(i => i.Activities.Any(a => a.Name == activityName));
    }

    public async Task<List<Message>> OutboundMessagesAsync(long interactionId)
    {
        await using var db = OpenDb();
        return await db.Messages.AsNoTracking().Where(m => m.InteractionId == interactionId && m.Direction == MessageDirection.AgentToCustomer).ToListAsync();
    }

    public async Task<List<OutboundSend>> SendsAsync(long interactionId)
    {
        await using var db = OpenDb();
        return await db.OutboundSends.AsNoTracking().Where(s => s.InteractionId == interactionId).OrderBy(s => s.Id).ToListAsync();
    }

    public List<GraphApiStandIn.SentMessage> SentTo(string customerNumber) =>
        Graph.SentMessages.Where(m => (string?)m.Body["to"] == customerNumber.TrimStart('+')).ToList();

    /// <summary>Runs the recovery of lost sends once, as a node's worker would, at <paramref name="now"/>.</summary>
    public async Task<(int Confirmed, int Unconfirmed)> RecoverAsync(DateTimeOffset now)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
        return await LostSendRecovery.RunOnceAsync(db, now, TimeSpan.FromMinutes(10), CancellationToken.None);
    }

    /// <summary>Posts WhatsApp's status webhook for a message the stand-in took, and waits until the inbox has stored it.</summary>
    public async Task StatusAsync(GraphApiStandIn.SentMessage sent, string status, int? errorCode = null, string? errorTitle = null)
    {
        var response = await PostWebhookAsync(GraphApiStandIn.StatusWebhook(sent, status, TestClock.DemoNow.AddSeconds(5), errorCode, errorTitle));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await DrainedAsync();
    }

    [GeneratedRegex("activityDetail=([a-z0-9_]+)")]
    private static partial Regex ActivityDetail();

    [GeneratedRegex("name=\"ClientKey\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ClientKeyPattern();
}
