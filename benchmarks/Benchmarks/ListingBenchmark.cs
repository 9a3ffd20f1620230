using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace WapListing.Benchmarks;

/// <summary>
/// The listing page over N synthetic interactions (default 10 million) spread over the last 365 days, each with its
/// agent as participant: typical views per demo user, timed end to end over HTTP against the app as its own process,
/// next to the reference of DESIGN §10, the server's own execution time of the statements the page sent
/// (pg_stat_statements).
/// </summary>
internal static partial class ListingBenchmark
{
    /// <summary>Longest a view is timed: a view slower than this reports fewer requests (column n) instead of holding the run for hours.</summary>
    private static readonly TimeSpan ViewBudget = TimeSpan.FromSeconds(40);

    /// <summary>No inbox workers or send recovery polling beside the pages: the statement counts and SQL times are the pages' own.</summary>
    private static readonly Dictionary<string, string> QuietApp = new()
    {
        ["WhatsApp__InboxWorkers"] = "0",
        ["WhatsApp__SendRecoverySeconds"] = "0",
    };

    private static readonly string[] SortCodes =
        ["time", "queue", "user", "contact", "wacontact", "answered", "wait", "duration", "endedby", "connector", "missed", "missedtime"];

    /// <summary>
    /// Every view issue 14 names: Today; each of the 12 columns sorted both ways over the last 30 days (supervisor, agent)
    /// and this year (admin, manager); each text filter (3+ letters) over the same ranges; page 200.
    /// </summary>
    private static IEnumerable<(string User, string View, string Query)> Scenarios()
    {
        yield return ("supervisor", "Today (default view)", "");
        foreach (var (user, range, label) in new[] { ("supervisor", "last30days", "last 30 days"), ("agent", "last30days", "last 30 days"), ("admin", "thisyear", "this year"), ("manager", "thisyear", "this year") })
        {
            foreach (var sort in SortCodes)
            {
                foreach (var dir in new[] { "asc", "desc" })
                {
                    yield return (user, $"{label}, sort {sort} {dir}", $"time={range}&sort={sort}&dir={dir}");
                }
            }

            yield return (user, $"{label}, WhatsApp contact \"dvorak\"", $"time={range}&wacontact=dvorak");
            yield return (user, $"{label}, contact \"dvorak\"", $"time={range}&contact=dvorak");
            yield return (user, $"{label}, sender +420600012345", $"time={range}&sender=%2B420600012345");
            yield return (user, $"{label}, transcript \"faktura\"", $"time={range}&text=faktura");
            yield return (user, $"{label}, page 200", $"time={range}&page=200");
        }
    }

    public static async Task RunAsync(string root, string webDll, int rows, int requests)
    {
        var connectionString = await PrepareAsync(root, rows);
        await BenchmarkDatabase.EnableStatementStatisticsAsync(root, connectionString);

        await using var app = await AppProcess.StartAsync(webDll, connectionString, QuietApp);
        var clients = new Dictionary<string, HttpClient>();
        Console.WriteLine();
        Console.WriteLine($"Listing over {rows:N0} synthetic interactions in the last 365 days; {requests} timed requests per view after the app's warm-up (each user's Today and a sorted month, 30 times) and 2 warm-ups of the view (at most {ViewBudget.TotalSeconds:F0} s a view).");
        Console.WriteLine();
        Console.WriteLine("| user | view | rows counted | n | median ms | p95 ms | SQL ms per page (server: execution + planning) | of which planning | app ms over SQL (median − SQL) | app's own median ms (request log) | app's own ms over SQL | statements per page |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        await WarmUpAsync(app, clients);
        foreach (var (user, view, query) in Scenarios())
        {
            if (!clients.TryGetValue(user, out var client))
            {
                clients[user] = client = await app.SignInAsync(user);
            }

            var url = "/listing/wap" + (query.Length > 0 ? "?" + query : "");
            string html = string.Empty;
            var timings = new List<double>();
            var budget = Stopwatch.StartNew();
            for (var i = 0; i < requests + 2 && (i < 4 || budget.Elapsed < ViewBudget); i++)
            {
                if (i == 2)
                {
                    await BenchmarkDatabase.StatementTimeSinceResetAsync(connectionString, reset: true);
                    await Task.Delay(200); // the warm-ups' request log lines, written asynchronously, come in before the count starts
                    app.ListingDurations.Clear();
                }

                var stopwatch = Stopwatch.StartNew();
                using var response = await client.GetAsync(url);
                html = await response.Content.ReadAsStringAsync();
                stopwatch.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{url} as {user}: {(int)response.StatusCode}");
                }

                if (i >= 2)
                {
                    timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }

            var (executionMilliseconds, planningMilliseconds, statements) = await BenchmarkDatabase.StatementTimeSinceResetAsync(connectionString, reset: false);
            timings.Sort();
            for (var wait = 0; wait < 20 && app.ListingDurations.Count < timings.Count; wait++)
            {
                await Task.Delay(50);
            }

            var server = app.ListingDurations.Order().ToList();
            var serverMedian = server.Count > 0 ? server[server.Count / 2] : double.NaN;
            var count = CountPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", string.Empty)).Trim() : "?";
            var median = timings[timings.Count / 2];
            var sqlPerPage = (executionMilliseconds + planningMilliseconds) / timings.Count;
            Console.WriteLine($"| {user} | {view} | {count} | {timings.Count} | {median:F0} | {Percentile(timings, 0.95):F0} | " +
                $"{sqlPerPage:F1} | {planningMilliseconds / timings.Count:F1} | {median - sqlPerPage:F1} | {serverMedian:F1} | {serverMedian - sqlPerPage:F1} | {(double)statements / timings.Count:F1} |");
        }

        await ThroughputAsync(app, clients["supervisor"]);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// A fresh process compiles its methods on first use and again, optimised, after some thirty calls: the first view
    /// timed would carry that cost. Every user's default view and a sorted month, 30 times each, untimed.
    /// </summary>
    private static async Task WarmUpAsync(AppProcess app, Dictionary<string, HttpClient> clients)
    {
        foreach (var user in new[] { "supervisor", "agent", "admin", "manager" })
        {
            clients[user] = await app.SignInAsync(user);
            for (var i = 0; i < 30; i++)
            {
                foreach (var url in new[] { "/listing/wap", "/listing/wap?time=last30days&sort=queue&dir=asc" })
                {
                    using var response = await clients[user].GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsStringAsync();
                }
            }
        }
    }

    /// <summary>The default view with 32 clients at once for 60 s: pages a second, latency and errors.</summary>
    private static async Task ThroughputAsync(AppProcess app, HttpClient signedIn)
    {
        const int Clients = 32;
        var duration = TimeSpan.FromSeconds(60);
        var timings = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    using var response = await signedIn.GetAsync("/listing/wap");
                    await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }

                    timings.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var sorted = timings.Order().ToList();
        Console.WriteLine();
        Console.WriteLine($"Throughput, supervisor's Today with {Clients} clients for {duration.TotalSeconds:F0} s: {sorted.Count / clock.Elapsed.TotalSeconds:F1} pages/s, " +
            $"median {sorted[sorted.Count / 2]:F0} ms, p95 {Percentile(sorted, 0.95):F0} ms, errors {errors}; app peak RSS {app.PeakRssMb:F0} MB.");
    }

    /// <summary>The detail page of one interaction with 1,000 messages and 5 activities in the database of that size.</summary>
    public static async Task RunDetailAsync(string root, string webDll, int rows, int requests)
    {
        var connectionString = await PrepareAsync(root, rows);
        await BenchmarkDatabase.EnableStatementStatisticsAsync(root, connectionString);
        const string Name = "wap_bench_detail_1000";
        await using (var db = BenchmarkDatabase.Open(connectionString))
        {
            if (!await db.Interactions.AnyAsync(i => i.Name == Name))
            {
                await db.Database.ExecuteSqlRawAsync($"""
                    WITH chat AS (
                        INSERT INTO interactions (name, time, direction, queue_id, user_id, connector_id, customer_number, whats_app_contact,
                                                  answered, wait_time, duration, talk_time, missed_state, is_draft)
                        SELECT '{Name}', now() - interval '3 hours', 'In', q.id, u.id, q.connector_id, '+420601000001', 'Dlouhý Rozhovor',
                               true, 20, 3600, 3580, 'None', false
                          FROM (SELECT id, connector_id FROM queues ORDER BY id LIMIT 1) q, (SELECT id FROM users WHERE role = 'Agent' ORDER BY id LIMIT 1) u
                        RETURNING id, queue_id, user_id, time),
                    acts AS (
                        INSERT INTO activities (name, interaction_id, type, user_id, queue_id, status, created_at, opened_at, closed_at, duration, focus_time, focus_interruptions, time_anomaly)
                        SELECT 'activities_bench_detail_' || k, chat.id, 'Wap', chat.user_id, chat.queue_id, 'Close', chat.time + k * interval '10 minutes',
                               chat.time + k * interval '10 minutes', chat.time + (k + 1) * interval '10 minutes', 600, 500, 1, false
                          FROM chat, generate_series(1, 5) k),
                    parts AS (INSERT INTO interaction_participants (interaction_id, user_id) SELECT id, user_id FROM chat)
                    INSERT INTO messages (interaction_id, time, direction, author_name, type, text, whats_app_message_id, delivery_status)
                    SELECT chat.id, chat.time + k * interval '3 seconds', CASE WHEN k % 2 = 0 THEN 'AgentToCustomer' ELSE 'CustomerToAgent' END,
                           CASE WHEN k % 2 = 0 THEN 'Agent' ELSE 'Dlouhý Rozhovor' END, 'Text',
                           'Zpráva číslo ' || k || ': dobrý den, posílám fakturu a dotaz k objednávce.', 'wamid.benchdetail.' || k, 'Read'
                      FROM chat, generate_series(1, 1000) k
                    """);
            }
        }

        await using var app = await AppProcess.StartAsync(webDll, connectionString, QuietApp);
        using var client = await app.SignInAsync("admin");
        var url = "/listing/activities/?activityDetail=" + Name;
        var timings = new List<double>();
        for (var i = 0; i < requests + 2; i++)
        {
            if (i == 2)
            {
                await BenchmarkDatabase.StatementTimeSinceResetAsync(connectionString, reset: true);
            }

            var stopwatch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            stopwatch.Stop();
            if (!response.IsSuccessStatusCode || !html.Contains("Zpráva číslo 1000", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url}: {(int)response.StatusCode}");
            }

            if (i >= 2)
            {
                timings.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        var (executionMilliseconds, planningMilliseconds, statements) = await BenchmarkDatabase.StatementTimeSinceResetAsync(connectionString, reset: false);
        var sqlMilliseconds = executionMilliseconds + planningMilliseconds;
        timings.Sort();
        Console.WriteLine();
        Console.WriteLine("| page | rows in the database | n | median ms | p95 ms | SQL ms per page (server: execution + planning) | statements per page |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| detail, 1,000 messages and 5 activities | {rows:N0} | {timings.Count} | {timings[timings.Count / 2]:F0} | {Percentile(timings, 0.95):F0} | " +
            $"{sqlMilliseconds / timings.Count:F1} | {(double)statements / timings.Count:F1} |");
    }

    /// <summary>The database of one size: each size has its own, so rows stay spread evenly over the year.</summary>
    public static async Task<string> PrepareAsync(string root, int rows)
    {
        var connectionString = await BenchmarkDatabase.EnsureAsync(root, FormattableString.Invariant($"listing_bench_{rows}"));
        await FillAsync(connectionString, rows);
        return connectionString;
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];

    /// <summary>
    /// Rows spread evenly over the year up to now, oldest first so that ids grow with time as they do when chats arrive, round-robin over the demo queues and agents (each agent a participant);
    /// seven in ten paired with one of 100 000 CRM contacts, as in a contact centre that pairs most chats.
    /// </summary>
    private static async Task FillAsync(string connectionString, int rows)
    {
        const int Batch = 1_000_000;
        await using var db = BenchmarkDatabase.Open(connectionString);
        var have = await db.Interactions.CountAsync(i => i.Name.StartsWith("wap_scale_"));
        if (have >= rows)
        {
            return;
        }

        if (!await db.Contacts.AnyAsync(c => c.Email!.EndsWith("@bench.example")))
        {
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO contacts (name, phone_numbers, email)
                SELECT ({Surnames})[1 + k % 20] || ' ' || k, ARRAY['+420' || (700000000 + k)], 'c' || k || '@bench.example'
                  FROM generate_series(1, 100000) k
                """);
        }

        var spacing = TimeSpan.FromDays(365) / rows;
        var newest = DateTime.UtcNow;
        for (var first = have + 1; first <= rows; first += Batch)
        {
            var last = Math.Min(rows, first + Batch - 1);
            var stopwatch = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync(FormattableString.Invariant($"""
                WITH q AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(connector_id ORDER BY id) AS connectors FROM queues),
                     u AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE role = 'Agent'),
                     c AS (SELECT array_agg(id ORDER BY id) AS ids FROM contacts WHERE email LIKE '%@bench.example'),
                     inserted AS (
                        INSERT INTO interactions (name, time, direction, queue_id, user_id, connector_id, contact_id, customer_number, whats_app_contact,
                                                  answered, wait_time, duration, talk_time, ended_by, missed_state)
                        SELECT 'wap_scale_' || g, TIMESTAMPTZ '{newest:yyyy-MM-dd HH:mm:ss.ffffff}+00' - ({rows} + 1 - g) * INTERVAL '{spacing.TotalMicroseconds:F0} microseconds',
                               CASE WHEN g % 10 = 0 THEN 'Out' ELSE 'In' END,
                               q.ids[1 + g % cardinality(q.ids)], u.ids[1 + (g / 3) % cardinality(u.ids)], q.connectors[1 + g % cardinality(q.ids)],
                               CASE WHEN g % 10 < 7 THEN c.ids[1 + (g / 11) % cardinality(c.ids)] END,
                               '+420' || (600000000 + g % 99999999), ({Surnames})[1 + (g / 7) % 20] || ' ' || (g % 1000),
                               g % 5 <> 0, g % 300, 60 + g % 3000, g % 2000,
                               (ARRAY['Customer','Agent','Timeout','NoAgent','OutOfHours','System'])[1 + g % 6],
                               CASE WHEN g % 5 = 0 THEN 'Shown' ELSE 'None' END
                          FROM generate_series({first}, {last}) g, q, u, c
                        RETURNING id, user_id)
                INSERT INTO interaction_participants (interaction_id, user_id) SELECT id, user_id FROM inserted
                """));
            Console.WriteLine($"Inserted interactions {first:N0}–{last:N0} in {stopwatch.Elapsed.TotalSeconds:F0} s");
        }

        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE interactions");
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE interaction_participants");
    }

    private const string Surnames = "ARRAY['Novák','Dvořák','Svoboda','Černý','Procházka','Kučera','Veselý','Horák','Němec','Marek'," +
        "'Pospíšil','Hájek','Jelínek','Král','Růžička','Smith','Johnson','Brown','Müller','Taylor']";

    [GeneratedRegex("data-testid=\"total-count\">(.*?)</", RegexOptions.Singleline)]
    private static partial Regex CountPattern();
}
