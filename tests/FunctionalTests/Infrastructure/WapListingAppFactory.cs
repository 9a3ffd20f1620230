using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>The real app over a real PostgreSQL database, with a fixed clock.</summary>
public class WapListingAppFactory(string connectionString, FakeTimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Clock { get; } = clock ?? TestClock.At(TestClock.DemoNow);

    /// <summary>Sign-in attempts allowed per minute; tests of the limiter lower it.</summary>
    public int LoginPermitsPerMinute { get; init; } = 1000;

    /// <summary>HTTPS redirection and HSTS as in production; unset, the environment "Testing" leaves them off (tests talk plain HTTP).</summary>
    public bool? RequireHttps { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:WapListing", connectionString);
        if (RequireHttps is { } requireHttps)
        {
            builder.UseSetting("Security:RequireHttps", requireHttps ? "true" : "false");
        }

        builder.UseSetting("RateLimiting:LoginPermitsPerMinute", LoginPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The webhook inbox workers poll the database; only the tests that ingest turn them on, so the others count and
        // time only their own statements.
        builder.UseSetting("WhatsApp:InboxWorkers", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    private readonly List<(string Key, string Value)> _settings = [];

    /// <summary>Set once the host serves on a real Kestrel port.</summary>
    public string? RealBaseUrl { get; set; }

    /// <summary>Extra configuration for this host (set before it starts).</summary>
    public WapListingAppFactory WithSettings(params (string Key, string Value)[] settings)
    {
        _settings.AddRange(settings);
        return this;
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
