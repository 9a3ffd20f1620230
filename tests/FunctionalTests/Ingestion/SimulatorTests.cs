using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Manage.ApiKeys;
using WapListing.Web.Simulation;
using Xunit.Abstractions;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>
/// <c>simulate</c> (DESIGN §9 D) against the app on a real port, over HTTP only: afterwards the database holds exactly
/// what the simulator reports it sent.
/// </summary>
public sealed class SimulatorTests(WebhookAppFixture app, ITestOutputHelper output) : IClassFixture<WebhookAppFixture>
{
    private static readonly string[] AgentKeys = ["sim-agent-1", "sim-agent-2", "sim-agent-3"];

    [Fact]
    public async Task A_few_seconds_of_simulation_leave_in_the_database_what_the_simulator_reports()
    {
        var (key, line) = await PrepareAsync();
        var options = new SimulatorOptions
        {
            BaseUrl = app.Http.BaseAddress!,
            Key = key,
            AppSecret = WebhookAppFixture.AppSecret,
            Seconds = 4,
            Rate = 2,
            Lines = [line],
            Agents = AgentKeys,
            TransferQueueKey = "sim-transfer",
            PhaseDelay = TimeSpan.FromSeconds(1),
            Seed = 12,
        };
        using var writer = new StringWriter();

        var report = await new ContactCentreSimulator(options, app.Http, writer).RunAsync(CancellationToken.None);
        output.WriteLine(writer.ToString());
        output.WriteLine(report.ToString());
        await app.DrainedAsync();

        Assert.Equal(0, report.Failures);
        Assert.Equal(report.WebhooksSent, report.WebhooksAccepted);
        Assert.Equal(report.EventsSent, report.EventsAccepted);
        Assert.Equal(report.EventsAccepted, report.EventsStored);
        Assert.Equal(report.Chats, writer.ToString().Split('\n').Count(l => l.StartsWith('#')));
        Assert.True(report.Chats >= 7, $"{report.Chats} chats");
        Assert.True(report.Missed >= 1 && report.ContactedBack >= 1 && report.Anomalies >= 1, report.ToString());

        await using var db = app.OpenDb();
        Assert.Equal(report.Interactions, await db.Interactions.CountAsync());
        Assert.Equal(report.CustomerMessages, await db.Messages.CountAsync(m => m.Direction == MessageDirection.CustomerToAgent));
        Assert.Equal(report.AgentMessages, await db.Messages.CountAsync(m => m.Direction == MessageDirection.AgentToCustomer));
        Assert.Equal(report.EventsStored, await db.InteractionEvents.CountAsync(e => e.EventId.StartsWith("sim-")));
        Assert.Equal(report.Missed, await db.Interactions.CountAsync(i => i.MissedState == MissedState.Shown || i.MissedState == MissedState.ContactedBack));
        Assert.Equal(report.ContactedBack, await db.Interactions.CountAsync(i => i.MissedState == MissedState.ContactedBack));
        Assert.Equal(report.Anomalies, await db.Activities.CountAsync(a => a.TimeAnomaly));
        Assert.True(await db.Messages.AnyAsync(m => m.DeliveryStatus == DeliveryStatus.Read), "a read agent message");
        Assert.True(await db.Interactions.AnyAsync(i => i.CustomerKey!.StartsWith("bsuid:")), "a customer without wa_id");
        Assert.True(await db.Activities.AnyAsync(a => a.FocusInterruptions > 0), "an agent switching focus");
    }

    private async Task<(string Key, SimulatedLine Line)> PrepareAsync()
    {
        await using var db = app.OpenDb();
        var connector = await db.Connectors.SingleAsync(c => c.Id == app.Connector.Id);
        connector.ExternalKey = "sim-line";
        var queue = await db.Queues.SingleAsync(q => q.Id == app.DefaultQueue.Id);
        queue.ExternalKey = "sim-queue";
        db.Queues.Add(new Queue { Name = "Reklamace (simulace)", ExternalKey = "sim-transfer", ConnectorId = connector.Id });
        await db.SaveChangesAsync();

        var data = new TestData(app.ConnectionString);
        foreach (var agentKey in AgentKeys)
        {
            var agent = await data.AddUserAsync(UserRole.Agent, displayName: agentKey);
            await db.Users.Where(u => u.Id == agent.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ExternalKey, agentKey));
        }

        var integration = await data.AddUserAsync(UserRole.Administrator);
        var (_, secret) = await app.App.AddApiKeyAsync(app.ConnectionString, integration, ApiKeyScopes.Ingest);
        return (secret, new SimulatedLine("sim-line", WebhookAppFixture.PhoneNumberId, "sim-queue", Czech: true));
    }
}

/// <summary>
/// The demo seeding sets the documented secrets and keys (idempotently), so <c>simulate</c> with its defaults — only the
/// base URL differs here — fills the demo app.
/// </summary>
public sealed class SimulatorDefaultsTests(DemoAppFixture demo, ITestOutputHelper output) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Simulate_with_its_defaults_fills_the_demo_app_once_the_demo_integration_is_set()
    {
        await using var app = new WapListingAppFactory(demo.ConnectionString).WithSettings(
            ("WhatsApp:GraphBaseUrl", "http://127.0.0.1:9/"),
            ("WhatsApp:MediaTimeoutSeconds", "1"),
            ("WhatsApp:InboxPollMilliseconds", "50"));
        var baseUrl = new Uri(app.StartOnRealPort());
        using (var scope = app.Services.CreateScope())
        {
            Assert.StartsWith("demo integration set", await DemoIntegration.ApplyAsync(scope.ServiceProvider));
        }

        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal("demo integration already set", await DemoIntegration.ApplyAsync(scope.ServiceProvider));
        }

        await using var db = demo.OpenDb();
        var before = await db.Interactions.CountAsync();
        var demoKey = await db.ApiKeys.SingleAsync(k => k.Prefix == DemoIntegration.ApiKeyPrefix);
        Assert.Equal(ApiKeyScopes.Ingest, demoKey.Scopes);
        Assert.Equal(3, await db.Connectors.CountAsync(c => c.WhatsAppPhoneNumberId != null && c.ProtectedAppSecret != null && c.DefaultQueueId != null));
        Assert.Equal(DemoIntegration.AgentCount, await db.Users.CountAsync(u => u.ExternalKey != null && u.ExternalKey.StartsWith("agent-")));

        using var http = new HttpClient { BaseAddress = baseUrl };
        using var writer = new StringWriter();
        var options = new SimulatorOptions { BaseUrl = baseUrl, Seconds = 2, Rate = 2, PhaseDelay = TimeSpan.FromSeconds(1), Seed = 7 };
        var report = await new ContactCentreSimulator(options, http, writer).RunAsync(CancellationToken.None);
        output.WriteLine(writer.ToString());
        output.WriteLine(report.ToString());

        Assert.Equal(0, report.Failures);
        Assert.True(report.EventsAccepted > 0 && report.WebhooksAccepted > 0, report.ToString());
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await db.WebhookInbox.AnyAsync(i => i.ProcessedAt == null && i.ParkedAt == null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(before + report.Interactions, await db.Interactions.CountAsync());
    }
}
