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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:WapListing", connectionString);
        builder.UseSetting("RateLimiting:LoginPermitsPerMinute", LoginPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateBrowserLikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
