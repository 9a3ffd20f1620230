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
    private const int TimedRequests = 15;

    private static readonly (string User, string View, string Query)[] Scenarios =
    [
        ("supervisor", "Today (default view)", ""),
        ("supervisor", "Last 30 days", "time=last30days"),
        ("supervisor", "Last 30 days, page 40", "time=last30days&page=40"),
        ("supervisor", "Last 30 days, sorted by wait time", "time=last30days&sort=wait&dir=desc"),
        ("supervisor", "Last 30 days, WhatsApp contact contains \"dvorak\"", "time=last30days&wacontact=dvorak"),
        ("agent", "Last 30 days", "time=last30days"),
        ("manager", "This year", "time=thisyear"),
        ("admin", "This year", "time=thisyear"),
        ("admin", "This year, sorted by queue", "time=thisyear&sort=queue"),
        ("admin", "This year, contact contains \"dvorak\"", "time=thisyear&contact=dvorak"),
        ("admin", "This year, transcript contains \"faktura\"", "time=thisyear&text=faktura"),
    ];

    /// <summary>The database of one size: each size has its own, so rows stay spread evenly over the year.</summary>
    public static async Task<string> PrepareAsync(string root, int rows)
    {
        var connectionString = await BenchmarkDatabase.EnsureAsync(root, FormattableString.Invariant($"listing_bench_{rows}"));
        await FillAsync(connectionString, rows);
        return connectionString;
    }

    public static async Task RunAsync(string root, string webDll, int rows)
    {
        var connectionString = await PrepareAsync(root, rows);
        await BenchmarkDatabase.EnableStatementStatisticsAsync(root, connectionString);

        await using var app = await AppProcess.StartAsync(webDll, connectionString);
        var clients = new Dictionary<string, HttpClient>();
        Console.WriteLine();
        Console.WriteLine($"Listing over {rows:N0} synthetic interactions in the last 365 days; {TimedRequests} timed requests per view after 2 warm-ups.");
        Console.WriteLine();
        Console.WriteLine("| user | view | rows counted | median ms | p95 ms | SQL ms per page (server) | statements per page |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (user, view, query) in Scenarios)
        {
            if (!clients.TryGetValue(user, out var client))
            {
                clients[user] = client = await app.SignInAsync(user);
            }

            var url = "/listing/wap" + (query.Length > 0 ? "?" + query : "");
            string html = string.Empty;
            var timings = new List<double>();
            for (var i = 0; i < TimedRequests + 2; i++)
            {
                if (i == 2)
                {
                    await BenchmarkDatabase.StatementTimeSinceResetAsync(connectionString, reset: true);
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

            var (sqlMilliseconds, statements) = await BenchmarkDatabase.StatementTimeSinceResetAsync(connectionString, reset: false);
            timings.Sort();
            var count = CountPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", string.Empty)).Trim() : "?";
            Console.WriteLine($"| {user} | {view} | {count} | {timings[timings.Count / 2]:F0} | {timings[(int)Math.Ceiling(timings.Count * 0.95) - 1]:F0} | " +
                $"{sqlMilliseconds / TimedRequests:F0} | {(double)statements / TimedRequests:F0} |");
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// Rows spread evenly over the year up to now, round-robin over the demo queues and agents (each agent a participant);
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
                        SELECT 'wap_scale_' || g, TIMESTAMPTZ '{newest:yyyy-MM-dd HH:mm:ss.ffffff}+00' - g * INTERVAL '{spacing.TotalMicroseconds:F0} microseconds',
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
