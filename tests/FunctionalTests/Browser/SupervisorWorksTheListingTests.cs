using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;
using Column = WapListing.FunctionalTests.Infrastructure.Browser.Pages.ListingPage.Column;

namespace WapListing.FunctionalTests.Browser;

public sealed class SupervisorWorksTheListingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Supervisor_filters_sorts_pages_opens_a_row_and_comes_back_to_the_same_view()
    {
        var supervisor = await RightsOracle.UserIdAsync(app.ConnectionString, "supervisor");
        Task<List<string>> VisibleAsync(TimeRange range, string condition = "TRUE", string orderBy = RightsOracle.NewestFirst) =>
            RightsOracle.VisibleInteractionNamesAsync(app.ConnectionString, supervisor, range, condition, orderBy);
        int support;
        await using (var db = TestDatabases.Open(app.ConnectionString))
        {
            support = await db.Queues.Where(q => q.Name == "Podpora CZ").Select(q => q.Id).SingleAsync();
        }

        var inSupport = $"i.queue_id = {support}";
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync("supervisor");
        var listing = new ListingPage(page);
        Assert.Equal("today", await listing.TimePresetAsync());
        Assert.Equal((await VisibleAsync(DemoRanges.Today)).Take(50), await listing.RowNamesAsync());

        await listing.FilterAsync(time: "last7days", queue: "Podpora CZ");
        Assert.Equal((await VisibleAsync(DemoRanges.Last7Days, inSupport)).Take(50), await listing.RowNamesAsync());
        Assert.All(await listing.CellsAsync(Column.Queue), queue => Assert.Equal("Podpora CZ", queue));

        await listing.SortByAsync("wait", "asc");
        Assert.Equal((await VisibleAsync(DemoRanges.Last7Days, inSupport, "i.wait_time ASC, i.id ASC")).Take(50), await listing.RowNamesAsync());
        var ascending = await listing.WaitSecondsAsync();
        Assert.Equal(ascending.Order(), ascending);
        await listing.SortByAsync("wait", "desc");
        var longestWaitFirst = await VisibleAsync(DemoRanges.Last7Days, inSupport, "i.wait_time DESC, i.id DESC");
        Assert.Equal(longestWaitFirst.Take(50), await listing.RowNamesAsync());
        var descending = await listing.WaitSecondsAsync();
        Assert.Equal(descending.OrderDescending(), descending);

        await listing.ShowRowsPerPageAsync(25);
        await listing.NextPageAsync();
        Assert.Contains("page=2", page.Url, StringComparison.Ordinal);
        var pageTwo = await listing.RowNamesAsync();
        Assert.Equal(longestWaitFirst.Skip(25).Take(25), pageTwo);
        await page.SaveScreenshotAsync("listing-filtered-sorted-page2-en");
        var viewUrl = page.Url;

        await listing.OpenDetailAsync(pageTwo[0]);
        await page.GoBackAsync();

        Assert.Equal(viewUrl, page.Url);
        Assert.Equal(pageTwo, await listing.RowNamesAsync());
        Assert.Equal("last7days", await listing.TimePresetAsync());

        // The detail's breadcrumb leads back to the same view too: filters, sort, page size and page.
        var detail = await listing.OpenDetailAsync(pageTwo[0]);
        await detail.BackToListingAsync();

        Assert.Equal(viewUrl, page.Url);
        Assert.Equal(pageTwo, await listing.RowNamesAsync());
    }

    [BrowserFact]
    public async Task The_crossed_eye_shows_and_hides_deactivated_users_and_queues_at_once_without_a_search()
    {
        List<string> deactivated;
        await using (var db = TestDatabases.Open(app.ConnectionString))
        {
            deactivated = [.. await db.Users.Where(u => !u.IsActive).Select(u => u.DisplayName + " (deaktivováno)")
                .Concat(db.Queues.Where(q => !q.IsActive).Select(q => q.Name + " (deaktivováno)")).ToListAsync()];
        }

        Assert.NotEmpty(deactivated);
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync("admin"); // Czech
        var listing = await ListingPage.OpenAsync(page);
        var url = page.Url;
        async Task<List<string>> ShownAsync() => [.. (await listing.VisiblePickerOptionsAsync("user")).Concat(await listing.VisiblePickerOptionsAsync("queue"))];

        Assert.Empty((await ShownAsync()).Intersect(deactivated));

        await listing.SetCrossedEyeAsync(true);
        Assert.Equal(deactivated.Order(), (await ShownAsync()).Intersect(deactivated).Order());
        Assert.Equal(url, page.Url);
        await page.SaveScreenshotAsync("listing-crossed-eye-on");

        await listing.SetCrossedEyeAsync(false);
        Assert.Empty((await ShownAsync()).Intersect(deactivated));
        Assert.Equal(url, page.Url);
    }

    [BrowserFact]
    public async Task The_extended_filter_opens_by_the_search_button_in_both_languages()
    {
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync("manager");
        var listing = new ListingPage(page);

        await listing.OpenExtendedFilterAsync();
        await listing.ChooseAsync("answered", "no");
        await listing.SearchAsync("answered=no");

        Assert.Equal("1", await listing.ExtendedConditionCountAsync());
        await page.SaveScreenshotAsync("listing-extended-filter-en");
        await ListingPage.OpenAsync(page, new Uri(page.Url).Query.TrimStart('?') + "&culture=cs&ui-culture=cs");
        await page.SaveScreenshotAsync("listing-extended-filter-cs");
        Assert.StartsWith("Rozšířený filtr", await listing.ExtendedFilterSummaryAsync(), StringComparison.Ordinal);
    }
}
