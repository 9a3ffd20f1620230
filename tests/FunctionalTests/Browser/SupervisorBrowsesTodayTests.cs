using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;

namespace WapListing.FunctionalTests.Browser;

public sealed class SupervisorBrowsesTodayTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Supervisor_signs_in_in_the_browser_and_sees_todays_rows()
    {
        var supervisor = await RightsOracle.UserIdAsync(app.ConnectionString, "supervisor");
        var visibleToday = await RightsOracle.VisibleInteractionNamesAsync(app.ConnectionString, supervisor, DemoRanges.Today);
        await using var browser = await app.OpenBrowserAsync();

        await browser.Page.SignInAsync("supervisor");

        Assert.EndsWith("/listing/wap", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal(visibleToday.Take(50), await new ListingPage(browser.Page).RowNamesAsync());
        await browser.Page.SaveScreenshotAsync("listing-supervisor-today");
    }
}
