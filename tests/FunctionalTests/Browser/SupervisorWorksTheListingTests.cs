using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Browser;

public sealed class SupervisorWorksTheListingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Rows = "table[data-testid=wap-listing] tbody tr[data-name]";

    [BrowserFact]
    public async Task Supervisor_filters_sorts_pages_opens_a_row_and_comes_back_to_the_same_view()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("supervisor");
        Assert.Equal("today", await page.InputValueAsync("#time"));
        Assert.True(await page.Locator(Rows).CountAsync() > 0);

        await page.SelectOptionAsync("#time", "last7days");
        await page.SelectOptionAsync("#queue", new Microsoft.Playwright.SelectOptionValue { Label = "Podpora CZ" });
        await page.ClickAsync("[data-testid=search]");
        await page.WaitForURLAsync(url => url.Contains("time=last7days", StringComparison.Ordinal));
        var queues = await page.Locator($"{Rows} td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(queues);
        Assert.All(queues, queue => Assert.Equal("Podpora CZ", queue.Trim()));

        await page.ClickAsync("th[data-column=wait] a");
        await page.WaitForURLAsync(url => url.Contains("sort=wait", StringComparison.Ordinal) && url.Contains("dir=asc", StringComparison.Ordinal));
        var ascending = await WaitSecondsAsync(page);
        Assert.Equal(ascending.Order(), ascending);
        await page.ClickAsync("th[data-column=wait] a");
        await page.WaitForURLAsync(url => url.Contains("dir=desc", StringComparison.Ordinal));
        var descending = await WaitSecondsAsync(page);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.True(descending.First() >= ascending.Last());

        await page.ClickAsync("[data-testid=pager] a:text-is('25')");
        await page.WaitForURLAsync(url => url.Contains("size=25", StringComparison.Ordinal));
        await page.ClickAsync("[data-testid=page-next]");
        await page.WaitForURLAsync(url => url.Contains("page=2", StringComparison.Ordinal));
        var pageTwo = await page.Locator(Rows).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)");
        Assert.NotEmpty(pageTwo);
        await page.SaveScreenshotAsync("listing-filtered-sorted-page2-en");
        var viewUrl = page.Url;

        await page.Locator($"{Rows} [data-testid=open-detail]").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/listing/activities/?activityDetail=" + pageTwo[0], StringComparison.Ordinal));
        await page.GoBackAsync();
        Assert.Equal(viewUrl, page.Url);
        var back = await page.Locator(Rows).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)");
        Assert.Equal(pageTwo, back);
        Assert.Equal("last7days", await page.InputValueAsync("#time"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_extended_filter_opens_by_the_search_button_in_both_languages()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("manager");
        await page.ClickAsync("[data-testid=extended-filter] summary");
        await page.SelectOptionAsync("#answered", "no");
        await page.ClickAsync("[data-testid=search]");
        await page.WaitForURLAsync(url => url.Contains("answered=no", StringComparison.Ordinal));
        Assert.Equal("1", (await page.InnerTextAsync("[data-testid=extended-count]")).Trim());
        await page.SaveScreenshotAsync("listing-extended-filter-en");
        await page.GotoAsync(page.Url + "&culture=cs&ui-culture=cs");
        await page.SaveScreenshotAsync("listing-extended-filter-cs");
        Assert.Contains("Rozšířený filtr", await page.InnerTextAsync("[data-testid=extended-filter] summary"));
        await page.Context.CloseAsync();
    }

    private static async Task<int[]> WaitSecondsAsync(Microsoft.Playwright.IPage page)
    {
        var texts = await page.Locator($"{Rows} td:nth-child(7)").AllInnerTextsAsync();
        return texts.Select(t => (int)TimeSpan.Parse(t.Trim(), System.Globalization.CultureInfo.InvariantCulture).TotalSeconds).ToArray();
    }
}
