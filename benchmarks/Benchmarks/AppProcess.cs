using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using WapListing.Infrastructure.Seeding;

namespace WapListing.Benchmarks;

/// <summary>The app as its own Release process (Production settings) over a benchmark database.</summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>
    /// The server's own time of each request to the listing page, from the app's request log (its <c>Duration</c>: from
    /// the first middleware to the end of the response), in the order they finished.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<double> ListingDurations { get; } = new();

    /// <summary>The process's peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakRssMb
    {
        get
        {
            var line = File.ReadAllLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return double.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) / 1024;
        }
    }

    public static string BuildWebApp(string root)
    {
        using var build = Process.Start(new ProcessStartInfo("dotnet", $"build \"{Path.Combine(root, "src", "Web")}\" -c Release -nologo -v q") { UseShellExecute = false })!;
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("Building the web app failed.");
        }

        return Path.Combine(root, "src", "Web", "bin", "Release", "net10.0", "WapListing.Web.dll");
    }

    public static async Task<AppProcess> StartAsync(string webDll, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
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
        start.Environment["RateLimiting__LoginPermitsPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        AppProcess? started = null;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && text.Contains("\"Path\":\"/listing/wap\"", StringComparison.Ordinal)
                && RequestDuration().Match(text) is { Success: true } duration)
            {
                started?.ListingDurations.Enqueue(double.Parse(duration.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = started = new AppProcess(process, $"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException) when (attempt < 150)
            {
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A client signed in as one of the demo users.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromMinutes(10),
        };
        var login = await client.GetStringAsync("/account/login");
        var token = Token().Matches(login)[^1].Groups[1].Value;
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["UserName"] = userName,
            ["Password"] = DemoDataSeeder.DemoPassword,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {signIn.StatusCode}");
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex("\"Duration\":([0-9.]+)")]
    private static partial Regex RequestDuration();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
