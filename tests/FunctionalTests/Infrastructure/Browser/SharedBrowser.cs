using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser;

/// <summary>One headless Debian Chromium per test run, driven by Playwright. Never downloads a browser.</summary>
public static class SharedBrowser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IBrowser? _browser;

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public static bool IsCi => MeansCi(Environment.GetEnvironmentVariable("CI"));

    public static bool MeansCi(string? ciVariable) => string.Equals(ciVariable, "true", StringComparison.OrdinalIgnoreCase);

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

            _browser = await LaunchAsync(ChromiumPath);
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Launches the given Chromium headless; a missing executable is an error, never a reason to download one.</summary>
    public static async Task<IBrowser> LaunchAsync(string executablePath)
    {
        if (!File.Exists(executablePath))
        {
            throw new InvalidOperationException($"Chromium is required for browser tests on CI but {executablePath} does not exist.");
        }

        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        });
    }
}
