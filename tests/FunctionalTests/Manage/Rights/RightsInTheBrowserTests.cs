using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;

namespace WapListing.FunctionalTests.Manage.Rights;

/// <summary>An administrator edits the agent's rights in Chromium; the agent's own browser follows on its next page.</summary>
public sealed class RightsInTheBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Administrator_gives_the_agent_a_second_queue_and_takes_it_back_and_the_agents_next_page_follows()
    {
        var agentId = await RightsOracle.UserIdAsync(app.ConnectionString, "agent");
        int sales;
        await using (var db = TestDatabases.Open(app.ConnectionString))
        {
            sales = await db.Queues.Where(q => q.Name == "Prodej CZ").Select(q => q.Id).SingleAsync();
        }

        var before = await RightsOracle.VisibleInteractionNamesAsync(app.ConnectionString, agentId, DemoRanges.Today);
        var czechAdministrator = await app.Data.AddUserAsync(Domain.Entities.UserRole.Administrator, language: "cs");
        await using var administrator = await app.OpenBrowserAsync();
        await administrator.Page.SignInAsync(czechAdministrator.UserName!);
        var rights = await RightsBrowserPage.OpenFromOverviewAsync(administrator.Page, "agent");
        Assert.Equal("Uživatelé", await rights.ActiveTabAsync());
        Assert.Equal(before.Count, await rights.CountAsync("current", "today"));
        await administrator.Page.SaveScreenshotAsync("manage-rights-users-cs");

        await rights.OpenTabAsync("queues");
        Assert.Equal("Fronty", await rights.ActiveTabAsync());
        await administrator.Page.SaveScreenshotAsync("manage-rights-queues-cs");
        await rights.SetQueueAsync(sales, on: true, expectChanged: true);
        var previewed = await rights.CountAsync("proposed", "today");
        Assert.True(previewed > before.Count, $"preview {previewed}, before {before.Count}");
        await administrator.Page.SaveScreenshotAsync("manage-rights-preview-cs");
        await rights.SaveAsync();
        Assert.Equal("Fronty", await rights.ActiveTabAsync());
        Assert.Equal(previewed, await rights.CountAsync("current", "today"));

        var granted = await RightsOracle.VisibleInteractionNamesAsync(app.ConnectionString, agentId, DemoRanges.Today);
        var salesRows = granted.Except(before).ToList();
        Assert.NotEmpty(salesRows);
        Assert.Equal(previewed, granted.Count);
        await using var agent = await app.OpenBrowserAsync();
        await agent.Page.SignInAsync("agent");
        var listing = await ListingPage.OpenAsync(agent.Page, "size=250");
        Assert.Equal(granted.Take(250), await listing.RowNamesAsync());
        Assert.Contains("Prodej CZ", await listing.CellsAsync(ListingPage.Column.Queue));

        await rights.SetQueueAsync(sales, on: false, expectChanged: true);
        await rights.SaveAsync();

        await agent.Page.ReloadAsync();
        var after = await listing.RowNamesAsync();
        Assert.Equal(before.Take(250), after);
        Assert.DoesNotContain(after, salesRows.Contains);
    }

    [BrowserFact]
    public async Task The_rights_page_in_english_and_with_the_keyboard()
    {
        var agentId = await RightsOracle.UserIdAsync(app.ConnectionString, "agent");
        await using var administrator = await app.OpenBrowserAsync();
        var page = administrator.Page;
        await page.SignInAsync((await app.Data.AddUserAsync(Domain.Entities.UserRole.Administrator, language: "en")).UserName!);
        await page.GotoAsync($"/manage/users/{agentId}/rights");
        var rights = new RightsBrowserPage(page);
        Assert.Equal("Users", await rights.ActiveTabAsync());
        await page.SaveScreenshotAsync("manage-rights-users-en");

        await page.FillAsync("#rights-filter", "wils");
        Assert.Equal(["George Wilson"], await page.Locator("#rights-pane-users [data-option]:visible [data-testid=option-name]").AllInnerTextsAsync());
        await page.FillAsync("#rights-filter", "");

        await page.FocusAsync("#rights-tab-users");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Locator("#rights-pane-queues").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });
        Assert.Equal("Queues", await rights.ActiveTabAsync());
        await page.SaveScreenshotAsync("manage-rights-queues-en");

        await page.FocusAsync("#rights-all-queues");
        await page.Keyboard.PressAsync("Space");
        await page.Locator("[data-testid=proposed-queues]").WaitForAsync();
        Assert.StartsWith("all (", (await page.InnerTextAsync("[data-testid=proposed-queues]")).Trim(), StringComparison.Ordinal);
        await page.SaveScreenshotAsync("manage-rights-preview-en");
    }

    [BrowserFact]
    public Task The_rights_page_passes_axe_in_czech() => CheckAxeAsync("cs-CZ", "cs");

    [BrowserFact]
    public Task The_rights_page_passes_axe_in_english() => CheckAxeAsync("en-US", "en");

    /// <summary>axe finds no serious or critical violation on both tabs and in the preview state.</summary>
    private async Task CheckAxeAsync(string locale, string language)
    {
        var agentId = await RightsOracle.UserIdAsync(app.ConnectionString, "agent");
        await using var administrator = await app.OpenBrowserForAxeAsync(locale);
        var page = administrator.Page;
        await page.SignInAsync((await app.Data.AddUserAsync(Domain.Entities.UserRole.Administrator, language: language)).UserName!);
        await page.GotoAsync($"/manage/users/{agentId}/rights");
        var failures = new List<string>();
        await AxeAsync(page, failures);
        await new RightsBrowserPage(page).OpenTabAsync("queues");
        await page.ClickAsync("#rights-all-queues");
        await page.Locator("[data-testid=proposed-queues]").WaitForAsync();
        await AxeAsync(page, failures);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task AxeAsync(Microsoft.Playwright.IPage page, List<string> failures)
    {
        var result = await page.RunAxe();
        failures.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} [{v.Impact}]: " + string.Join(" | ", v.Nodes.Take(5).Select(n => n.Target?.ToString() + " " + n.Html))));
    }
}
