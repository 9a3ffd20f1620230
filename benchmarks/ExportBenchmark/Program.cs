using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.EmbeddedPostgres;
using WapListing.Infrastructure.Seeding;

// Export benchmark (issue 6): the app runs as its own process (Release build), exports N rows in each format,
// and we report rows/s and the app's peak RSS (VmHWM, a fresh process per run).
// Usage: dotnet run -c Release --project benchmarks/ExportBenchmark [rows...]   (default 50000 500000)
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [50_000, 500_000];
var root = FindRoot();
var webDll = Path.Combine(root, "src", "Web", "bin", "Release", "net10.0", "WapListing.Web.dll");
Run("dotnet", $"build \"{Path.Combine(root, "src", "Web")}\" -c Release -nologo -v q");

var cluster = new PrivatePostgresCluster("bench", root, Console.WriteLine);
var server = cluster.EnsureRunning();
var connectionString = $"{server};Database=export_bench";
await PrepareDatabaseAsync(server, connectionString, sizes.Max());

Console.WriteLine();
Console.WriteLine("| rows | format | seconds | rows/s | MB written | app peak RSS (MB) |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|");
foreach (var size in sizes)
{
    foreach (var format in new[] { "csv", "xlsx" })
    {
        var (seconds, bytes, peakMb) = await ExportOnceAsync(webDll, connectionString, size, format);
        Console.WriteLine($"| {size:N0} | {format} | {seconds:F1} | {size / seconds:N0} | {bytes / 1048576.0:F1} | {peakMb:F0} |");
    }
}

static async Task PrepareDatabaseAsync(string server, string connectionString, int rows)
{
    await using (var admin = new NpgsqlConnection($"{server};Database=postgres"))
    {
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'export_bench'", admin);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand("CREATE DATABASE export_bench", admin);
            await create.ExecuteNonQueryAsync();
        }
    }

    var options = new DbContextOptionsBuilder<WapListingDbContext>();
    DatabaseRegistration.Configure(options, connectionString);
    await using var db = new WapListingDbContext(options.Options);
    await db.Database.MigrateAsync();
    await new DemoDataSeeder(db, TimeProvider.System).SeedAsync(refreshIfStale: false);
    var have = await db.Interactions.CountAsync(i => i.Name.StartsWith("wap_bench_"));
    if (have >= rows)
    {
        return;
    }

    Console.WriteLine($"Inserting {rows - have:N0} benchmark interactions ...");
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
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

static async Task<(double Seconds, long Bytes, double PeakMb)> ExportOnceAsync(string webDll, string connectionString, int rows, string format)
{
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet", $"\"{webDll}\"")
    {
        UseShellExecute = false,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        WorkingDirectory = Path.GetDirectoryName(webDll)!,
    };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    start.Environment["ConnectionStrings__WapListing"] = connectionString;
    start.Environment["Security__RequireHttps"] = "false";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    using var app = Process.Start(start)!;
    app.OutputDataReceived += (_, _) => { };
    app.ErrorDataReceived += (_, _) => { };
    app.BeginOutputReadLine();
    app.BeginErrorReadLine();
    try
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromMinutes(10),
        };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 100)
            {
            }

            await Task.Delay(200);
        }

        var login = await client.GetStringAsync("/account/login");
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["UserName"] = "admin",
            ["Password"] = DemoDataSeeder.DemoPassword,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {signIn.StatusCode}");
        }

        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(1);
        var to = from.AddSeconds(rows);
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

        stopwatch.Stop();
        var peak = File.ReadAllLines($"/proc/{app.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var peakKb = double.Parse(Regex.Match(peak, @"\d+").Value, CultureInfo.InvariantCulture);
        return (stopwatch.Elapsed.TotalSeconds, bytes, peakKb / 1024);
    }
    finally
    {
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
    }
}

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static void Run(string file, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {arguments} failed.");
    }
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "WapListing.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
