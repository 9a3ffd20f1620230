using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WapListing.Benchmarks;

/// <summary>
/// Issue 6: exports N synthetic rows in each format, one fresh app process per run, and reports rows/s and the
/// app's peak RSS; the peak must not grow with N. The reference (DESIGN §10) is PostgreSQL's own
/// <c>COPY (the same select) TO STDOUT</c> as CSV, read by a client on the same machine.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task RunAsync(string root, string webDll, int[] sizes)
    {
        var connectionString = await BenchmarkDatabase.EnsureAsync(root, "export_bench");
        await FillAsync(connectionString, sizes.Max());

        Console.WriteLine();
        Console.WriteLine("| rows | format | seconds | rows/s | MB written | app peak RSS (MB) | first export of the process: seconds | rows/s |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
        var largestTo = Start.AddSeconds(sizes.Max());
        foreach (var size in sizes)
        {
            var to = Start.AddSeconds(size);
            var (copySeconds, copyBytes) = await CopyReferenceAsync(connectionString, Start, to);
            Console.WriteLine($"| {size:N0} | COPY … TO STDOUT csv (reference) | {copySeconds:F2} | {size / copySeconds:N0} | {copyBytes / 1048576.0:F1} | – | – | – |");
            foreach (var format in new[] { "csv", "xlsx" })
            {
                await using var app = await AppProcess.StartAsync(webDll, connectionString);
                using var client = await app.SignInAsync("admin");

                // The first export of a fresh process compiles the query and the writers' code, and the runtime recompiles
                // the hot loops optimised only after a few hundred thousand rows (measured: a 50 k export takes 0.5 s
                // after one 50 k export, 0.17 s after a 200 k one). It is shown, then the process exports the largest
                // size once, untimed, and the timed export measures the steady rate of a server that has been exporting
                // (COPY, the reference, runs warm too). Peak RSS covers all three.
                var first = Stopwatch.StartNew();
                await DownloadAsync(client, Url(Start, to, format));
                var firstSeconds = first.Elapsed.TotalSeconds;
                await DownloadAsync(client, Url(Start, largestTo, format));
                var stopwatch = Stopwatch.StartNew();
                var bytes = await DownloadAsync(client, Url(Start, to, format));
                var seconds = stopwatch.Elapsed.TotalSeconds;
                Console.WriteLine($"| {size:N0} | {format} | {seconds:F2} | {size / seconds:N0} | {bytes / 1048576.0:F1} | {app.PeakRssMb:F0} | {firstSeconds:F2} | {size / firstSeconds:N0} |");
            }
        }
    }

    /// <summary>The first benchmark row's time; rows are one second apart.</summary>
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(1);

    private static string Url(DateTimeOffset from, DateTimeOffset to, string format) =>
        $"/listing/wap/export/download?time=custom&from={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}" +
        $"&to={Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}&format={format}";

    /// <summary>Reads the whole download; returns its bytes.</summary>
    private static async Task<long> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        return bytes;
    }

    /// <summary>The export's select (same joins, columns and order) streamed by PostgreSQL itself.</summary>
    private static async Task<(double Seconds, long Bytes)> CopyReferenceAsync(string connectionString, DateTimeOffset from, DateTimeOffset to)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = FormattableString.Invariant($"""
            COPY (SELECT i.time, q.name, u.display_name, c.name, i.whats_app_contact, i.answered, i.wait_time, i.duration,
                         i.ended_by, c0.name, i.missed_state, i.missed_time, i.name
                    FROM interactions i
                    LEFT JOIN queues q ON i.queue_id = q.id
                    LEFT JOIN users u ON i.user_id = u.id
                    LEFT JOIN contacts c ON i.contact_id = c.id
                    LEFT JOIN connectors c0 ON i.connector_id = c0.id
                   WHERE i.time >= '{from:O}' AND i.time < '{to:O}'
                   ORDER BY i.time DESC, i.id DESC) TO STDOUT (FORMAT csv, HEADER)
            """);
        var stopwatch = Stopwatch.StartNew();
        using var reader = await connection.BeginTextExportAsync(sql);
        var buffer = new char[81920];
        long chars = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            chars += read;
        }

        return (stopwatch.Elapsed.TotalSeconds, chars);
    }

    /// <summary>Rows one second apart from 2026-01-01, so a custom range of N seconds holds exactly N of them.</summary>
    private static async Task FillAsync(string connectionString, int rows)
    {
        await using var db = BenchmarkDatabase.Open(connectionString);
        var have = await db.Interactions.CountAsync(i => i.Name.StartsWith("wap_bench_"));
        if (have >= rows)
        {
            return;
        }

        Console.WriteLine($"Inserting {rows - have:N0} benchmark interactions ...");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO interactions (name, time, direction, queue_id, user_id, connector_id, customer_number, whats_app_contact,
                                      answered, wait_time, duration, talk_time, ended_by, missed_state)
            SELECT 'wap_bench_' || g, TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 second',
                   CASE WHEN g % 10 = 0 THEN 'Out' ELSE 'In' END,
                   q.id, u.id, q.connector_id, '+420' || (600000000 + g % 99999999), 'Zákazník Dvořák ' || g,
                   g % 5 <> 0, g % 300, 60 + g % 3000, g % 2000,
                   (ARRAY['Customer','Agent','Timeout','NoAgent','OutOfHours','System'])[1 + g % 6],
                   CASE WHEN g % 5 = 0 THEN 'Shown' ELSE 'None' END
              FROM generate_series({have + 1}, {rows}) g
              JOIN LATERAL (SELECT id, connector_id FROM queues ORDER BY id OFFSET (g % 8) LIMIT 1) q ON TRUE
              JOIN LATERAL (SELECT id FROM users ORDER BY id OFFSET (g % 30) LIMIT 1) u ON TRUE
            """);
        await db.Database.ExecuteSqlRawAsync("ANALYZE interactions");
    }
}
