using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser;

/// <summary>One headless Debian Chromium per test run, driven by Playwright. Never downloads a browser.</summary>
public static class SharedBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IBrowser? _browser;

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<IBrowser> GetAsync()
    {
        if (_browser is { IsConnected: true })
        {
            return _browser;
        }

        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (!IsAvailable)
            {
                throw new InvalidOperationException($"Chromium is required for browser tests on CI but {ChromiumPath} does not exist.");
            }

            var playwright = await Playwright.CreateAsync();
            _browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage",
                ],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }
}
