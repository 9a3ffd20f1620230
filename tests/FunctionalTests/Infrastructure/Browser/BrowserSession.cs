using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser;

/// <summary>
/// One browser context (own cookies, downloads allowed) and its page, pointed at the app. Disposing closes the
/// context, so <c>await using</c> never leaks one, whether the test passes or fails.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(string baseUrl, string locale, bool bypassCsp = false)
    {
        var browser = await SharedBrowser.GetAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            AcceptDownloads = true,
            // Only for tools injected into the page (axe): the app's own pages run under its CSP.
            BypassCSP = bypassCsp,
        });
        try
        {
            // Generous: CI machines have two cores shared by PostgreSQL, several app hosts and Chromium.
            context.SetDefaultTimeout(45_000);
            return new BrowserSession(context, await context.NewPageAsync());
        }
        catch
        {
            await context.CloseAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
