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
/// <summary>
/// One ingest run: measured seconds after a warm-up (JIT, pools, caches), clients, and the offered rates (0: as fast as
/// the app answers; negative: none of that kind).
/// </summary>
internal sealed record IngestLoad(int Seconds = 60, int WebhookRate = 600, int EventRate = 5000, int Clients = 50, int WarmupSeconds = 20);

internal static class IngestBenchmark
{
    private const string PhoneNumberId = "900100200300";
    private const string AppSecret = "bench-app-secret";
    private const int BatchSize = 500;

    public static async Task RunAsync(string root, string webDll, IngestLoad load)
    {
        var database = "wl_ingest_" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        var connectionString = await BenchmarkDatabase.EnsureAsync(root, database);
        var hashingKey = RandomNumberGenerator.GetBytes(32);
        var key = "wl_0be4c400_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var run = Guid.NewGuid().ToString("N")[..8];
        await SetUpAsync(connectionString, hashingKey, key, run);
        await BenchmarkDatabase.EnableStatementStatisticsAsync(root, connectionString);
        await DurableAsync(connectionString, durable: true);
        try
        {
            await MeasureAsync(webDll, connectionString, database, hashingKey, key, run, load);
        }
        finally
        {
            await DurableAsync(connectionString, durable: false);
        }
    }

    /// <summary>
    /// The benchmark cluster trades durability for speed (fsync off); ingestion is measured the way production runs it,
    /// every commit flushed to disk before the 200.
    /// </summary>
    private static async Task DurableAsync(string connectionString, bool durable)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var setting in new[] { "fsync", "synchronous_commit", "full_page_writes" })
        {
            await using var command = new NpgsqlCommand(durable ? $"ALTER SYSTEM SET {setting} = on" : $"ALTER SYSTEM RESET {setting}", connection);
            await command.ExecuteNonQueryAsync();
        }

        await using (var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection))
        {
            await reload.ExecuteNonQueryAsync();
        }

        await Task.Delay(500);
        await using var show = new NpgsqlCommand("SHOW fsync", connection);
        Console.WriteLine($"PostgreSQL fsync = {await show.ExecuteScalarAsync()}");
    }

    private static async Task MeasureAsync(string webDll, string connectionString, string database, byte[] hashingKey, string key, string run, IngestLoad load)
    {
        await using var app = await AppProcess.StartAsync(webDll, connectionString, new Dictionary<string, string>
        {
            ["ApiKeys__HashingKey"] = Convert.ToBase64String(hashingKey),
        });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = load.Clients * 3 }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var batchClients = load.EventRate < 0 ? 0 : load.WebhookRate < 0 ? load.Clients : Math.Max(1, load.Clients / 5);
        var webhookClients = load.WebhookRate < 0 ? 0 : load.Clients - batchClients;
        Console.WriteLine($"Ingest benchmark against {app.BaseUrl} (database {database}): {load.WarmupSeconds} s warm-up (then the inbox drained), then {load.Seconds} s measured.");
        Console.WriteLine($"{webhookClients} clients post webhooks ({Rate(load.WebhookRate, "deliveries")}), {batchClients} post event batches of {BatchSize} ({Rate(load.EventRate, "events")}).");

        var sentMessages = new ConcurrentDictionary<string, byte>();
        var sentEvents = new ConcurrentDictionary<string, byte>();
        var warmup = new Measures();
        await RunLoadAsync(http, run + "w", load.WarmupSeconds, webhookClients, batchClients, load, sentMessages, sentEvents, warmup);
        await DrainAsync(connectionString, TimeSpan.FromMinutes(3)); // measure from a steady state, not from the warm-up's backlog
        var measured = new Measures();
        var measuredFrom = DateTimeOffset.UtcNow;
        await BenchmarkDatabase.StatementTimeSinceResetAsync(connectionString, reset: true);
        var cpu = CpuMeter.Start(app.ProcessId);
        var elapsed = await RunLoadAsync(http, run, load.Seconds, webhookClients, batchClients, load, sentMessages, sentEvents, measured);
        var measuredTo = DateTimeOffset.UtcNow;
        var cores = cpu.Cores();
        await PrintTopStatementsAsync(connectionString);
        var drained = await DrainAsync(connectionString, TimeSpan.FromMinutes(3));

        await using var db = BenchmarkDatabase.Open(connectionString);
        var storedMessages = await db.Messages.CountAsync(m => m.WhatsAppMessageId.StartsWith($"wamid.bench.{run}"));
        var storedEvents = await db.InteractionEvents.CountAsync(e => e.EventId.StartsWith($"bench-{run}"));
        var lag = await LagAsync(connectionString, measuredFrom, measuredTo);
        var latencies = measured.WebhookLatencies.Order().ToArray();
        var batchLatencies = measured.BatchLatencies.Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| webhook deliveries accepted/s: new (+ retries) | {measured.WebhooksAccepted / elapsed:N0} (+ {measured.RetriesAccepted / elapsed:N0}); {measured.WebhooksAccepted:N0} in {elapsed:N0} s, {measured.WebhooksRefused} refused |");
        Console.WriteLine($"| webhook latency p50 / p95 | {Percentile(latencies, 0.50):N1} / {Percentile(latencies, 0.95):N1} ms |");
        Console.WriteLine($"| inbox lag (200 → stored in the listing) p50 / p95 | {lag.P50:N0} / {lag.P95:N0} ms{(drained ? string.Empty : " (inbox not drained in 3 min)")} |");
        Console.WriteLine($"| events accepted/s | {measured.EventsAccepted / elapsed:N0} ({measured.BatchesAccepted:N0} batches of {BatchSize}, {measured.BatchesRefused} refused) |");
        Console.WriteLine($"| event batch latency p50 / p95 | {Percentile(batchLatencies, 0.50):N0} / {Percentile(batchLatencies, 0.95):N0} ms |");
        Console.WriteLine($"| distinct messages sent / stored (warm-up included) | {sentMessages.Count:N0} / {storedMessages:N0} {(sentMessages.Count == storedMessages ? "✓ exactly once" : "✗")} |");
        Console.WriteLine($"| distinct events sent / stored (warm-up included) | {sentEvents.Count:N0} / {storedEvents:N0} {(sentEvents.Count == storedEvents ? "✓ exactly once" : "✗")} |");
        Console.WriteLine($"| CPU while measured (cores of {Environment.ProcessorCount}): app / PostgreSQL / benchmark | {cores.App:N2} / {cores.Postgres:N2} / {cores.Benchmark:N2} |");
        Console.WriteLine($"| app peak RSS | {app.PeakRssMb:N0} MB |");
    }

    /// <summary>Where PostgreSQL spent its time while measured: the statements with the most execution time.</summary>
    private static async Task PrintTopStatementsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT calls, round(total_exec_time)::int8, round(total_plan_time)::int8, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
             ORDER BY total_exec_time + total_plan_time DESC
             LIMIT 12
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine("Top statements while measured (calls, exec ms, plan ms, query):");
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"  {reader.GetInt64(0),8} {reader.GetInt64(1),7} {reader.GetInt64(2),6}  {reader.GetString(3)}");
        }
    }

    private static string Rate(int rate, string what) => rate switch
    {
        < 0 => "none",
        0 => "as fast as the app answers",
        _ => $"{rate:N0} {what}/s offered",
    };

    /// <summary>
    /// Webhook clients post new deliveries and, on top of them, Meta's retries: 15 % sent twice at once (a retry while the
    /// first is in flight), 5 % a delivery sent again later. Batch clients post new batches, 35 % of them twice at once, and
    /// 10 % an earlier batch again. With a rate (of new ones), each client paces itself to its share of it; with rate 0 it
    /// sends as fast as it is answered.
    /// </summary>
    private static async Task<double> RunLoadAsync(
        HttpClient http, string run, int seconds, int webhookClients, int batchClients, IngestLoad load,
        ConcurrentDictionary<string, byte> sentMessages, ConcurrentDictionary<string, byte> sentEvents, Measures measures)
    {
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        var webhookInterval = load.WebhookRate > 0 ? TimeSpan.FromSeconds(webhookClients / (double)load.WebhookRate) : TimeSpan.Zero;
        var batchInterval = load.EventRate > 0 ? TimeSpan.FromSeconds(batchClients * BatchSize / (double)load.EventRate) : TimeSpan.Zero;
        await Task.WhenAll(Enumerable.Range(0, webhookClients + batchClients).Select(client => Task.Run(async () =>
        {
            var random = new Random(HashCode.Combine(run, client));
            var isBatchClient = client >= webhookClients;
            var interval = isBatchClient ? batchInterval : webhookInterval;
            var next = TimeSpan.FromMilliseconds(random.Next((int)Math.Max(1, interval.TotalMilliseconds)));
            byte[]? lastBody = null;
            JsonArray? lastBatch = null;
            var n = 0;
            while (clock.Elapsed < duration)
            {
                if (interval > TimeSpan.Zero)
                {
                    if (next >= duration)
                    {
                        break;
                    }

                    if (next > clock.Elapsed)
                    {
                        await Task.Delay(next - clock.Elapsed);
                    }

                    next += interval;
                }

                n++;
                var roll = random.Next(100);
                if (isBatchClient)
                {
                    var batch = EventBatch(run, client, n);
                    foreach (var e in batch)
                    {
                        sentEvents.TryAdd((string)e!["id"]!, 0);
                    }

                    // 35 %: a sender that timed out and retried while its first attempt was still being stored.
                    await (roll < 35
                        ? Task.WhenAll(PostBatchAsync(http, batch, measures, counts: true), PostBatchAsync(http, batch, measures, counts: false))
                        : PostBatchAsync(http, batch, measures, counts: true));
                    if (roll % 10 == 0 && lastBatch is not null)
                    {
                        await PostBatchAsync(http, lastBatch, measures, counts: false); // 10 %: an earlier batch sent again
                    }

                    lastBatch = batch;
                }
                else
                {
                    var wamid = $"wamid.bench.{run}.{client}.{n}";
                    var body = Webhook(wamid, customer: $"420{700000000 + (client * 1000) + random.Next(50)}", text: $"Zpráva {n} od klienta {client}");
                    sentMessages.TryAdd(wamid, 0);
                    // 15 %: Meta retries a delivery whose 200 it did not see in time, while the first one is still in flight.
                    await (roll < 15
                        ? Task.WhenAll(PostWebhookAsync(http, body, measures, counts: true), PostWebhookAsync(http, body, measures, counts: false))
                        : PostWebhookAsync(http, body, measures, counts: true));
                    if (roll % 20 == 0 && lastBody is not null)
                    {
                        await PostWebhookAsync(http, lastBody, measures, counts: false); // 5 %: an earlier delivery sent again
                    }

                    lastBody = body;
                }
            }
        })));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>What one phase measured. Retries are sent and checked but not counted as accepted deliveries.</summary>
    private sealed class Measures
    {
        public long WebhooksAccepted;
        public long RetriesAccepted;
        public long WebhooksRefused;
        public long BatchesAccepted;
        public long BatchesRefused;
        public long EventsAccepted;
        public ConcurrentBag<double> WebhookLatencies { get; } = [];
        public ConcurrentBag<double> BatchLatencies { get; } = [];
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

    private static async Task PostWebhookAsync(HttpClient http, byte[] body, Measures measures, bool counts)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, AppSecret));
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        measures.WebhookLatencies.Add(watch.Elapsed.TotalMilliseconds);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref measures.WebhooksRefused);
        }
        else
        {
            Interlocked.Increment(ref counts ? ref measures.WebhooksAccepted : ref measures.RetriesAccepted);
        }
    }

    private static async Task PostBatchAsync(HttpClient http, JsonArray batch, Measures measures, bool counts)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/v1/events", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));
        measures.BatchLatencies.Add(watch.Elapsed.TotalMilliseconds);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref measures.BatchesRefused);
            Console.WriteLine($"Batch refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        else if (counts)
        {
            Interlocked.Increment(ref measures.BatchesAccepted);
            Interlocked.Add(ref measures.EventsAccepted, batch.Count);
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

    /// <summary>From the 200 (the body committed) to the commit that put its message in the listing, for bodies received while measured.</summary>
    private static async Task<(double P50, double P95)> LagAsync(string connectionString, DateTimeOffset from, DateTimeOffset to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)) * 1000,
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)) * 1000
              FROM webhook_inbox WHERE processed_at IS NOT NULL AND received_at BETWEEN $1 AND $2
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.IsDBNull(0) ? 0 : reader.GetDouble(0), reader.IsDBNull(1) ? 0 : reader.GetDouble(1));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
