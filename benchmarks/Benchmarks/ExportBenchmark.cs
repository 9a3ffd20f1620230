using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace WapListing.Benchmarks;

/// <summary>
/// Issue 6: exports N synthetic rows in each format, one fresh app process per run, and reports rows/s and the
/// app's peak RSS; the peak must not grow with N.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task RunAsync(string root, string webDll, int[] sizes)
    {
        var connectionString = await BenchmarkDatabase.EnsureAsync(root, "export_bench");
        await FillAsync(connectionString, sizes.Max());

        Console.WriteLine();
        Console.WriteLine("| rows | format | seconds | rows/s | MB written | app peak RSS (MB) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            foreach (var format in new[] { "csv", "xlsx" })
            {
                await using var app = await AppProcess.StartAsync(webDll, connectionString);
                using var client = await app.SignInAsync("admin");
                var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(1);
                var to = from.AddSeconds(size);
                var url = $"/listing/wap/export/download?time=custom&from={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}" +
                          $"&to={Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))}&format={format}";
                var stopwatch = Stopwatch.StartNew();
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

                var seconds = stopwatch.Elapsed.TotalSeconds;
                Console.WriteLine($"| {size:N0} | {format} | {seconds:F1} | {size / seconds:N0} | {bytes / 1048576.0:F1} | {app.PeakRssMb:F0} |");
            }
        }
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
