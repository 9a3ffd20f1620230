using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser.Pages;

/// <summary>Manage's overview of users and their rights (<c>/manage</c>).</summary>
public sealed class ManagePage(IPage page)
{
    public async Task<string> HeadingAsync() => (await page.InnerTextAsync("main h1")).Trim();

    /// <summary>The badges of a user's queue rights (groups first, then single queues).</summary>
    public async Task<List<string>> QueueRightsOfAsync(string userName) =>
        (await page.Locator($"tr[data-user={userName}] [data-testid=rights-queues] .badge").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
}
