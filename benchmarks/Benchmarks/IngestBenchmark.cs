using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Benchmarks;

/// <summary>
/// Real chats in under load (issue 12): many clients post signed WhatsApp webhooks and event batches at the app as its
/// own Release process, with overlapping retries (a delivery sent again, a batch sent again). Reports accepted
/// requests/s, webhook latency, the inbox lag (from the 200 to the processed row) and proves that every distinct
/// message and event is stored exactly once. Setup writes to the database directly; the load goes over HTTP only.
/// </summary>
internal static class IngestBenchmark
{
    private const string PhoneNumberId = "900100200300";
    private const string AppSecret = "bench-app-secret";
    private const int BatchSize = 500;

    public static async Task RunAsync(string root, string webDll, int seconds, int clients)
    {
        var database = "wl_ingest_" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var connectionString = await BenchmarkDatabase.EnsureAsync(root, database);
        var hashingKey = RandomNumberGenerator.GetBytes(32);
        var key = "wl_0be4c400_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var run = Guid.NewGuid().ToString("N")[..8];
        await SetUpAsync(connectionString, hashingKey, key, run);

        await using var app = await AppProcess.StartAsync(webDll, connectionString, new Dictionary<string, string>
        {
            ["ApiKeys__HashingKey"] = Convert.ToBase64String(hashingKey),
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var webhookLatencies = new ConcurrentBag<double>();
        var sentMessages = new ConcurrentDictionary<string, byte>();
        var sentEvents = new ConcurrentDictionary<string, byte>();
        var counters = new Counters();
        var deadline = Stopwatch.StartNew();
        Console.WriteLine($"Ingest benchmark: {clients} clients for {seconds} s against {app.BaseUrl} (database {database}).");
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            byte[]? lastBody = null;
            JsonArray? lastBatch = null;
            var n = 0;
            while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                n++;
                var roll = random.Next(100);
                if (roll < 3 && lastBatch is null || roll is >= 3 and < 5)
                {
                    lastBatch = EventBatch(run, client, n);
                    foreach (var e in lastBatch)
                    {
                        sentEvents.TryAdd((string)e!["id"]!, 0);
                    }

                    await PostBatchAsync(http, lastBatch, counters);
                }
                else if (roll < 5 && lastBatch is not null)
                {
                    await PostBatchAsync(http, lastBatch, counters); // a retried batch: stores nothing new
                }
                else if (roll < 15 && lastBody is not null)
                {
                    await PostWebhookAsync(http, lastBody, webhookLatencies, counters); // a redelivered webhook
                }
                else
                {
                    var wamid = $"wamid.bench.{run}.{client}.{n}";
                    lastBody = Webhook(wamid, customer: $"420{700000000 + (client * 1000) + random.Next(50)}", text: $"Zpráva {n} od klienta {client}");
                    sentMessages.TryAdd(wamid, 0);
                    await PostWebhookAsync(http, lastBody, webhookLatencies, counters);
                }
            }
        })));
        var elapsed = deadline.Elapsed.TotalSeconds;
        var drained = await DrainAsync(connectionString, TimeSpan.FromMinutes(3));

        await using var db = BenchmarkDatabase.Open(connectionString);
        var storedMessages = await db.Messages.CountAsync(m => m.WhatsAppMessageId.StartsWith($"wamid.bench.{run}."));
        var storedEvents = await db.InteractionEvents.CountAsync(e => e.EventId.StartsWith($"bench-{run}-"));
        var lag = await LagAsync(connectionString);
        var latencies = webhookLatencies.Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| webhook deliveries accepted/s | {counters.WebhooksAccepted / elapsed:N0} ({counters.WebhooksAccepted:N0} in {elapsed:N0} s, {counters.WebhooksRefused} refused) |");
        Console.WriteLine($"| webhook latency p50 / p95 | {Percentile(latencies, 0.50):N1} / {Percentile(latencies, 0.95):N1} ms |");
        Console.WriteLine($"| inbox lag (200 → processed) p50 / p95 | {lag.P50:N0} / {lag.P95:N0} ms{(drained ? string.Empty : " (inbox not drained in 3 min)")} |");
        Console.WriteLine($"| events accepted/s | {counters.EventsAccepted / elapsed:N0} ({counters.BatchesAccepted:N0} batches of {BatchSize}, {counters.BatchesRefused} refused) |");
        Console.WriteLine($"| distinct messages sent / stored | {sentMessages.Count:N0} / {storedMessages:N0} {(sentMessages.Count == storedMessages ? "✓ exactly once" : "✗")} |");
        Console.WriteLine($"| distinct events sent / stored | {sentEvents.Count:N0} / {storedEvents:N0} {(sentEvents.Count == storedEvents ? "✓ exactly once" : "✗")} |");
        Console.WriteLine($"| app peak RSS | {app.PeakRssMb:N0} MB |");
    }

    private sealed class Counters
    {
        public long WebhooksAccepted;
        public long WebhooksRefused;
        public long BatchesAccepted;
        public long BatchesRefused;
        public long EventsAccepted;
    }

    private static async Task SetUpAsync(string connectionString, byte[] hashingKey, string key, string run)
    {
        var services = new ServiceCollection();
        services.AddDbContext<WapListingDbContext>(o => o.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        services.AddDataProtection().SetApplicationName("WapListing").PersistKeysToDbContext<WapListingDbContext>();
        await using var provider = services.BuildServiceProvider();
        var secrets = new ConnectorSecrets(provider.GetRequiredService<IDataProtectionProvider>());
        await using var db = BenchmarkDatabase.Open(connectionString);
        var connector = await db.Connectors.OrderBy(c => c.Id).FirstAsync();
        connector.WhatsAppPhoneNumberId = PhoneNumberId;
        connector.ProtectedAppSecret = secrets.Protect(AppSecret);
        connector.ExternalKey ??= "bench-connector";
        connector.DefaultQueueId ??= await db.Queues.Where(q => q.ConnectorId == connector.Id).Select(q => (int?)q.Id).FirstOrDefaultAsync();
        var queue = await db.Queues.OrderBy(q => q.Id).FirstAsync();
        queue.ExternalKey ??= "bench-queue";
        var agent = await db.Users.OrderBy(u => u.Id).FirstAsync(u => u.Role == UserRole.Agent);
        agent.ExternalKey ??= "bench-agent";
        db.ApiKeys.Add(new ApiKey
        {
            Name = "Ingest benchmark " + run,
            UserId = agent.Id,
            Scopes = ApiKeyScopes.Ingest,
            Prefix = key[..11],
            SecretHash = HMACSHA256.HashData(hashingKey, Encoding.UTF8.GetBytes(key)),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        _externalKeys = (connector.ExternalKey!, queue.ExternalKey!, agent.ExternalKey!);
    }

    private static (string Connector, string Queue, string Agent) _externalKeys;

    private static byte[] Webhook(string wamid, string customer, string text) => Encoding.UTF8.GetBytes($$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"420800123456","phone_number_id":"{{{PhoneNumberId}}}"},"contacts":[{"profile":{"name":"Zákazník {{{customer[^3..]}}}"},"wa_id":"{{{customer}}}"}],"messages":[{"from":"{{{customer}}}","id":"{{{wamid}}}","timestamp":"{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}}","type":"text","text":{"body":"{{{text}}}"}}]}}]}]}
        """);

    /// <summary>50 whole chats of 10 events each.</summary>
    private static JsonArray EventBatch(string run, int client, int n)
    {
        var batch = new JsonArray();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var chat = 0; chat < BatchSize / 10; chat++)
        {
            var name = $"wap_bench{run}c{client}n{n}x{chat}";
            var t = start.AddSeconds(chat);
            JsonObject E(string id, string type, int second, Action<JsonObject>? with = null)
            {
                var e = new JsonObject
                {
                    ["id"] = $"bench-{run}-{client}-{n}-{chat}-{id}",
                    ["type"] = type,
                    ["occurredAt"] = t.AddSeconds(second).ToString("O", CultureInfo.InvariantCulture),
                    ["interaction"] = new JsonObject { ["name"] = name },
                };
                with?.Invoke(e);
                return e;
            }

            batch.Add(E("q", "interaction.queued", 0, e => e["queue"] = _externalKeys.Queue));
            batch.Add(E("o", "interaction.offered", 20, e => e["user"] = _externalKeys.Agent));
            batch.Add(E("a", "interaction.accepted", 25, e => e["user"] = _externalKeys.Agent));
            batch.Add(E("f", "activity.focused", 25, e => e["user"] = _externalKeys.Agent));
            batch.Add(E("h", "activity.heartbeat", 55, e => e["user"] = _externalKeys.Agent));
            batch.Add(E("m", "message.sent", 60, e => { e["user"] = _externalKeys.Agent; e["message"] = new JsonObject { ["whatsAppMessageId"] = $"wamid.benchout.{run}.{client}.{n}.{chat}", ["text"] = "Dobrý den" }; }));
            batch.Add(E("b", "activity.blurred", 90, e => e["user"] = _externalKeys.Agent));
            batch.Add(E("f2", "activity.focused", 100, e => e["user"] = _externalKeys.Agent));
            batch.Add(E("c", "interaction.closed", 300, e => e["endedBy"] = "CUSTOMER"));
            batch.Add(E("d", "activity.closed", 320, e => e["user"] = _externalKeys.Agent));
        }

        return batch;
    }

    private static async Task PostWebhookAsync(HttpClient http, byte[] body, ConcurrentBag<double> latencies, Counters counters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, AppSecret));
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        latencies.Add(watch.Elapsed.TotalMilliseconds);
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref counters.WebhooksAccepted);
        }
        else
        {
            Interlocked.Increment(ref counters.WebhooksRefused);
        }
    }

    private static async Task PostBatchAsync(HttpClient http, JsonArray batch, Counters counters)
    {
        using var response = await http.PostAsync("/api/v1/events", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref counters.BatchesAccepted);
            Interlocked.Add(ref counters.EventsAccepted, batch.Count);
        }
        else
        {
            Interlocked.Increment(ref counters.BatchesRefused);
            Console.WriteLine($"Batch refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<bool> DrainAsync(string connectionString, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (watch.Elapsed < limit)
        {
            await using var waiting = new NpgsqlCommand("SELECT count(*) FROM webhook_inbox WHERE processed_at IS NULL AND parked_at IS NULL", connection);
            if ((long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }

    private static async Task<(double P50, double P95)> LagAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)) * 1000,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)) * 1000
              FROM webhook_inbox WHERE processed_at IS NOT NULL
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.IsDBNull(0) ? 0 : reader.GetDouble(0), reader.IsDBNull(1) ? 0 : reader.GetDouble(1));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
