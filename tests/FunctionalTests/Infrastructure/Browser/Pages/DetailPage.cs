using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser.Pages;

/// <summary>
/// An interaction's detail (<c>/listing/activities/?activityDetail=…</c>): its activity list and selected activity,
/// the Wap and Activity tabs, the transcript, and the actions (pairing a contact, anonymizing).
/// </summary>
public sealed class DetailPage(IPage page)
{
    private const string ActivityList = "[data-testid=activity-list]";
    private const string WapTab = "[data-testid=detail-tabs] a:text-is('Wap')";
    private const string ActivityTab = "[data-testid=tab-activity]";

    public IPage Page => page;

    /// <summary>The shared link of an interaction or activity, optionally on a tab (<c>activity</c>).</summary>
    public static string Link(string name, string? tab = null) =>
        $"/listing/activities/?activityDetail={name}" + (tab is null ? "" : "&tab=" + tab);

    public static async Task<DetailPage> OpenAsync(IPage page, string name, string? tab = null)
    {
        await page.GotoAsync(Link(name, tab));
        return new DetailPage(page);
    }

    /// <summary>Follows the breadcrumb back to the listing and waits for it.</summary>
    public async Task<ListingPage> BackToListingAsync()
    {
        await page.ClickAsync("[data-testid=back-to-listing]");
        await page.WaitForURLAsync(url => url.Contains("/listing/wap", StringComparison.Ordinal));
        return new ListingPage(page);
    }

    /// <summary>The activity marked as selected in the activity list.</summary>
    public Task<string?> SelectedActivityAsync() =>
        page.GetAttributeAsync($"{ActivityList} tr[data-activity][aria-current=true]", "data-activity");

    /// <summary>The names in the activity list, top to bottom.</summary>
    public async Task<List<string>> ActivitiesAsync() =>
        [.. await page.Locator($"{ActivityList} tr[data-activity]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.activity)")];

    /// <summary>Selects an activity by its link in the list and waits until it is the selected one.</summary>
    public async Task SelectActivityAsync(string activity)
    {
        await page.ClickAsync($"{ActivityList} tr[data-activity={activity}] a");
        await page.Locator($"{ActivityList} tr[data-activity={activity}][aria-current=true]").WaitForAsync();
    }

    public async Task ShowActivityTabAsync()
    {
        await page.ClickAsync(ActivityTab);
        await page.Locator(ActivityTab + "[aria-current=page]").WaitForAsync();
    }

    public async Task ShowWapTabAsync()
    {
        await page.ClickAsync(WapTab);
        await page.Locator("[data-testid=detail-tabs] a[aria-current=page]:text-is('Wap')").WaitForAsync();
    }

    /// <summary>The selected activity's name on the Activity tab.</summary>
    public async Task<string> ActivityNameAsync() => (await page.InnerTextAsync("[data-testid=activity-name]")).Trim();

    /// <summary>The shareable link offered on the Activity tab.</summary>
    public Task<string> ShareableLinkAsync() => page.InputValueAsync("[data-testid=share-link]");

    /// <summary>The anomaly triangle's explanation (its tooltip) on the Activity tab.</summary>
    public Task<string?> AnomalyExplanationAsync() => page.GetAttributeAsync("[data-testid=anomaly]", "title");

    /// <summary>The WhatsApp contact (profile name) on the Wap tab.</summary>
    public async Task<string> WhatsAppContactAsync() => (await page.InnerTextAsync("[data-testid=whatsapp-contact]")).Trim();

    /// <summary>The whole transcript's text.</summary>
    public Task<string> TranscriptAsync() => page.InnerTextAsync("[data-testid=transcript]");

    /// <summary>The texts of the transcript's messages, top to bottom.</summary>
    public async Task<List<string>> MessageTextsAsync() =>
        (await page.Locator("[data-testid=transcript] [data-testid=message] .bubble-text").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    /// <summary>The confirmation an action left at the top of the page.</summary>
    public async Task<string> ActionMessageAsync() => (await page.InnerTextAsync("[data-testid=detail-message]")).Trim();

    /// <summary>Whether an action panel (<c>pair</c>, <c>ticket</c>, <c>qa</c>) is open.</summary>
    public Task<bool> IsPanelOpenAsync(string panel) => page.IsVisibleAsync($"[data-testid=panel-{panel}]");

    /// <summary>In the open pairing panel, searches contacts and pairs the one shown as <paramref name="contactName"/>.</summary>
    public async Task PairWithContactAsync(string search, string contactName)
    {
        await page.FillAsync("#pair-q", search);
        await page.PressAsync("#pair-q", "Enter");
        await page.Locator("[data-testid=contact-result]").Filter(new LocatorFilterOptions { HasText = contactName }).Locator("button").ClickAsync();
        await page.Locator("[data-testid=detail-message]").WaitForAsync();
    }

    /// <summary>Follows Anonymize to its confirmation page.</summary>
    public async Task OpenAnonymizeConfirmationAsync()
    {
        await page.ClickAsync("[data-testid=anonymize]");
        await page.Locator("[data-testid=confirm-anonymize]").WaitForAsync();
    }

    /// <summary>Confirms the anonymization and waits for the detail to come back.</summary>
    public async Task ConfirmAnonymizeAsync()
    {
        await page.ClickAsync("[data-testid=confirm-anonymize]");
        await page.Locator("[data-testid=transcript]").WaitForAsync();
    }

    public Task<bool> ShowsAnonymizedBadgeAsync() => page.IsVisibleAsync("[data-testid=anonymized-badge]");
}
