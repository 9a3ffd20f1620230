using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;

namespace WapListing.FunctionalTests.Browser;

/// <summary>
/// axe finds no serious or critical violation (contrast, names, labels, structure) on the login page, the listing,
/// the export dialog and the detail (both tabs), in Czech and in English.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public Task The_pages_pass_axe_in_czech() => CheckPagesAsync("cs-CZ", "supervisor", "cs");

    [BrowserFact]
    public Task The_pages_pass_axe_in_english() => CheckPagesAsync("en-US", "manager", "en");

    private async Task CheckPagesAsync(string locale, string userName, string language)
    {
        await using var browser = await app.OpenBrowserForAxeAsync(locale);
        var page = browser.Page;
        var failures = new List<string>();

        await page.GotoAsync("/account/login");
        await CheckAsync(page, $"axe-login-{language}", failures);

        await page.SignInAsync(userName);
        var listing = await ListingPage.OpenAsync(page, "time=last7days");
        await CheckAsync(page, $"axe-listing-{language}", failures);

        await listing.OpenExportAsync();
        await CheckAsync(page, $"axe-export-{language}", failures);

        listing = await ListingPage.OpenAsync(page, "time=last7days");
        var first = (await listing.RowNamesAsync())[0];
        var detail = await listing.OpenDetailAsync(first);
        await CheckAsync(page, $"axe-detail-{language}", failures);
        await detail.ShowActivityTabAsync();
        await CheckAsync(page, $"axe-detail-activity-{language}", failures);

        // A QA review's own page, for a review written on the first activity of that chat.
        int reviewId;
        await using (var db = TestDatabases.Open(app.ConnectionString))
        {
            var activity = await db.Activities.Where(a => a.Interaction!.Name == first).OrderBy(a => a.CreatedAt).FirstAsync();
            var reviewer = await db.Users.SingleAsync(u => u.UserName == userName);
            reviewId = (await app.Data.AddQaReviewAsync(activity, reviewer, DateTimeOffset.UtcNow, 87, "Vstřícné, ale pozdě <b>odpověděno</b>.")).Id;
        }

        await page.GotoAsync($"/listing/activities/qa/{reviewId}");
        await CheckAsync(page, $"axe-qa-review-{language}", failures);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task CheckAsync(IPage page, string name, List<string> failures)
    {
        await page.SaveScreenshotAsync(name);
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var targets = string.Join(" | ", violation.Nodes.Take(5).Select(n => n.Target?.ToString() + " " + n.Html));
            failures.Add($"{name} ({page.Url}): {violation.Id} [{violation.Impact}] on {violation.Nodes.Length} node(s): {targets}");
        }
    }
}
