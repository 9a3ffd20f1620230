using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Browser;

public sealed class SupervisorBrowsesTodayTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Supervisor_signs_in_in_the_browser_and_sees_todays_rows()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("supervisor");

        Assert.EndsWith("/listing/wap", page.Url, StringComparison.Ordinal);
        var rows = await page.Locator("table[data-testid=wap-listing] tbody tr[data-name]").CountAsync();
        Assert.True(rows > 0, "the supervisor's listing shows no rows today");
        await page.SaveScreenshotAsync("listing-supervisor-today");
        await page.Context.CloseAsync();
    }
}
