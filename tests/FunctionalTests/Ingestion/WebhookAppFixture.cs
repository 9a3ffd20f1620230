using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>
/// The app on a real port over its own database, with one WhatsApp connector whose secrets are set, a default queue,
/// and a Graph API stand-in on loopback.
/// </summary>
public class WebhookAppFixture : IAsyncLifetime
{
    public const string PhoneNumberId = "106540352242922";
    public const string AppSecret = "test-app-secret-7f3a";
    public const string VerifyToken = "test-verify-token-91c2";
    public const string AccessToken = "test-access-token-55d1";
    public const int MaxWebhookBytes = 64 * 1024;
    public const int MaxMediaBytes = 100 * 1024;

    private readonly EmptyDatabaseFixture _database = new();

    public WapListingAppFactory App { get; private set; } = null!;

    /// <summary>Inbox workers of the in-process app; 0 leaves the inbox to another process.</summary>
    protected virtual int InboxWorkers => 2;

    /// <summary>Settings a fixture adds to the app's.</summary>
    protected virtual IEnumerable<(string Key, string Value)> MoreSettings => [];
    public GraphApiStandIn Graph { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public Connector Connector { get; private set; } = null!;
    public Queue DefaultQueue { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Graph = await GraphApiStandIn.StartAsync();
        App = new WapListingAppFactory(_database.ConnectionString).WithSettings(
        [
            ("WhatsApp:GraphBaseUrl", Graph.GraphBaseUrl),
            ("WhatsApp:MaxWebhookBytes", MaxWebhookBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("WhatsApp:MaxMediaBytes", MaxMediaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("WhatsApp:MediaTimeoutSeconds", "5"),
            ("WhatsApp:SendTimeoutSeconds", "2"),
            ("WhatsApp:InboxPollMilliseconds", "50"),
            ("WhatsApp:InboxWorkers", InboxWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. MoreSettings,
        ]);
        Http = new HttpClient { BaseAddress = new Uri(App.StartOnRealPort()) };

        var secrets = App.Services.GetRequiredService<ConnectorSecrets>();
        await using var db = OpenDb();
        Connector = new Connector
        {
            Name = "WhatsApp Test",
            PhoneNumber = "+420800123456",
            WhatsAppPhoneNumberId = PhoneNumberId,
            ProtectedAppSecret = secrets.Protect(AppSecret),
            ProtectedVerifyToken = secrets.Protect(VerifyToken),
            ProtectedAccessToken = secrets.Protect(AccessToken),
        };
        db.Connectors.Add(Connector);
        await db.SaveChangesAsync();
        DefaultQueue = new Queue { Name = "WhatsApp inbound", ConnectorId = Connector.Id };
        db.Queues.Add(DefaultQueue);
        await db.SaveChangesAsync();
        Connector.DefaultQueueId = DefaultQueue.Id;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Graph.DisposeAsync();
        await _database.DisposeAsync();
    }

    public string ConnectionString => _database.ConnectionString;

    public WapListing.Infrastructure.Data.WapListingDbContext OpenDb() => _database.OpenDb();

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "WhatsAppWebhooks", name + ".json"));

    /// <summary>Posts a body the way Meta does, signed with <paramref name="secret"/> (null: no signature header).</summary>
    public Task<HttpResponseMessage> PostWebhookAsync(byte[] body, string? secret = AppSecret, string? signature = null) =>
        Http.SendAsync(SignedWebhook(body, secret, signature));

    /// <summary>A webhook request as Meta sends it: the body, and <c>X-Hub-Signature-256</c> under <paramref name="secret"/> (or as given).</summary>
    public static HttpRequestMessage SignedWebhook(byte[] body, string? secret, string? signature = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = content };
        if ((signature ?? (secret is null ? null : WebhookSignature.Sign(body, secret))) is { } header)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, header);
        }

        return request;
    }

    /// <summary>Waits (bounded) until the inbox workers have dealt with every body received so far.</summary>
    public async Task DrainedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = OpenDb();
            var waiting = await db.WebhookInbox.CountAsync(i => i.ProcessedAt == null && i.ParkedAt == null);
            var media = await db.Messages.CountAsync(m => m.PendingMediaId != null);
            if (waiting == 0 && media == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The inbox was not drained within 20 s.");
    }
}
