using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Manage.Rights;

/// <summary>Manage → Users → the user → Rights in the browser: its two tabs, their boxes, the effective result, Save.</summary>
public sealed class RightsBrowserPage(IPage page)
{
    public IPage Page => page;

    /// <summary>From the overview at /manage, follows the user's "Edit rights" link, as a newcomer would.</summary>
    public static async Task<RightsBrowserPage> OpenFromOverviewAsync(IPage page, string userName)
    {
        await page.GotoAsync("/manage");
        await page.ClickAsync($"tr[data-user={userName}] [data-testid=edit-rights]");
        await page.WaitForURLAsync(url => url.EndsWith("/rights", StringComparison.Ordinal));
        return new RightsBrowserPage(page);
    }

    /// <summary>Opens a tab (<c>users</c>, <c>queues</c>) and waits until its pane shows.</summary>
    public async Task OpenTabAsync(string tab)
    {
        await page.ClickAsync($"#rights-tab-{tab}");
        await page.Locator($"#rights-pane-{tab}").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
    }

    public async Task<string> ActiveTabAsync() => (await page.InnerTextAsync("[data-testid=rights-tabs] .nav-link.active")).Trim();

    /// <summary>Ticks or unticks a queue's box and waits until the effective result shows the (un)changed selection.</summary>
    public async Task SetQueueAsync(int queueId, bool on, bool expectChanged)
    {
        await page.SetCheckedAsync($"#rights-queue-{queueId}", on);
        await page.Locator("[data-testid=proposed-queues]").WaitForAsync(new LocatorWaitForOptions
        {
            State = expectChanged ? WaitForSelectorState.Visible : WaitForSelectorState.Detached,
        });
    }

    /// <summary>A number of the effective result (<c>current</c>/<c>proposed</c>, <c>users</c>/<c>queues</c>/<c>today</c>).</summary>
    public async Task<int> CountAsync(string column, string row) =>
        int.Parse(await page.GetAttributeAsync($"[data-testid={column}-{row}]", "data-count") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Presses Save and waits for the page to come back with the notice.</summary>
    public async Task SaveAsync()
    {
        await page.ClickAsync("[data-testid=save]");
        await page.WaitForURLAsync(url => url.Contains("done=saved", StringComparison.Ordinal));
    }

    public async Task<string> NoticeAsync() => (await page.InnerTextAsync("[data-testid=notice]")).Trim();
}
