using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser;

/// <summary>The app on a real Kestrel port over a demo database, and browser pages pointed at it.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly DemoDatabaseFixture _database = new();
    private WapListingAppFactory? _factory;

    public string BaseUrl { get; private set; } = string.Empty;

    public string ConnectionString => _database.ConnectionString;

    /// <summary>Builders for the rows a test asserts on.</summary>
    public TestData Data => new(ConnectionString);

    public WapListingAppFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new WapListingAppFactory(_database.ConnectionString);
        BaseUrl = _factory.StartOnRealPort();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) with a page at the app; dispose it (<c>await using</c>) to close the context.</summary>
    public Task<BrowserSession> OpenBrowserAsync(string locale = "en-US") => BrowserSession.OpenAsync(BaseUrl, locale);

    /// <summary>Like <see cref="OpenBrowserAsync"/>, with the CSP bypassed so an injected checker (axe) can run its script.</summary>
    public Task<BrowserSession> OpenBrowserForAxeAsync(string locale) => BrowserSession.OpenAsync(BaseUrl, locale, bypassCsp: true);
}

public static class RealPortExtensions
{
    /// <summary>Serves the app on a free Kestrel port and returns its base URL.</summary>
    public static string StartOnRealPort(this WapListingAppFactory factory)
    {
        if (factory.RealBaseUrl is { } started)
        {
            return started;
        }

        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        factory.RealBaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return factory.RealBaseUrl;
    }
}

public static class BrowserPageExtensions
{
    /// <summary>Signs in through the form and waits until the app has left the login page.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password = HttpSignIn.DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("input[name=UserName]", userName);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("form[action=\"/account/login\"] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Saves a PNG (the full page, or only what the window shows) under artifacts/screenshots for people to look at.</summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        var path = Path.Combine(RepositoryPaths.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }
}
