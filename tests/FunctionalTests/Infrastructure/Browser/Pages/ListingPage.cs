using System.Globalization;
using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser.Pages;

/// <summary>
/// The WhatsApp listing (<c>/listing/wap</c>) as a person works it: filter and search, sort by a column, page,
/// read the rows, tick rows, open a row's detail or the export dialog.
/// </summary>
public sealed class ListingPage(IPage page)
{
    private const string Table = "table[data-testid=wap-listing]";
    private const string Rows = Table + " tbody tr[data-name]";

    /// <summary>The listing's columns, 1-based as in <c>td:nth-child</c>.</summary>
    public enum Column
    {
        Time = 1,
        Queue = 2,
        User = 3,
        Contact = 4,
        WhatsAppContact = 5,
        Answered = 6,
        WaitTime = 7,
        Duration = 8,
        EndedBy = 9,
        Connector = 10,
        Missed = 11,
        MissedTime = 12,
    }

    public IPage Page => page;

    /// <summary>Goes to the listing with the given query string (none: the default view, Today).</summary>
    public static async Task<ListingPage> OpenAsync(IPage page, string query = "")
    {
        await page.GotoAsync(query.Length == 0 ? "/listing/wap" : "/listing/wap?" + query);
        return new ListingPage(page);
    }

    /// <summary>The chosen time preset (<c>today</c>, <c>last7days</c>, …).</summary>
    public Task<string> TimePresetAsync() => page.InputValueAsync("#time");

    /// <summary>Sets the given filter fields (the time preset's value, a queue's label), presses Search and waits for the filtered page.</summary>
    public async Task FilterAsync(string? time = null, string? queue = null)
    {
        if (time is not null)
        {
            await page.SelectOptionAsync("#time", time);
        }

        if (queue is not null)
        {
            await page.SelectOptionAsync("#queue", new SelectOptionValue { Label = queue });
        }

        await SearchAsync(time is null ? null : "time=" + time);
    }

    /// <summary>Opens the extended filter (the "Extended filter" summary).</summary>
    public Task OpenExtendedFilterAsync() => page.ClickAsync("[data-testid=extended-filter] summary");

    /// <summary>Chooses a value of a select of the filter, by its name (e.g. <c>answered</c>, <c>no</c>).</summary>
    public async Task ChooseAsync(string field, string value) => await page.SelectOptionAsync($"#{field}", value);

    /// <summary>Presses Search and waits until the URL holds <paramref name="expectInUrl"/> (or merely changes).</summary>
    public async Task SearchAsync(string? expectInUrl = null)
    {
        var before = page.Url;
        await page.ClickAsync("[data-testid=search]");
        await page.WaitForURLAsync(url => expectInUrl is null ? url != before : url.Contains(expectInUrl, StringComparison.Ordinal));
    }

    /// <summary>The badge counting the extended filter's conditions.</summary>
    public async Task<string> ExtendedConditionCountAsync() => (await page.InnerTextAsync("[data-testid=extended-count]")).Trim();

    /// <summary>The extended filter's summary line.</summary>
    public async Task<string> ExtendedFilterSummaryAsync() => (await page.InnerTextAsync("[data-testid=extended-filter] summary")).Trim();

    /// <summary>Clicks a column's header link and waits until the listing is sorted by it in <paramref name="direction"/> (<c>asc</c>, <c>desc</c>).</summary>
    public async Task SortByAsync(string column, string direction)
    {
        await page.ClickAsync($"th[data-column={column}] a");
        await page.WaitForURLAsync(url => url.Contains("sort=" + column, StringComparison.Ordinal) && url.Contains("dir=" + direction, StringComparison.Ordinal));
    }

    /// <summary>The column headers' texts, trimmed, left to right.</summary>
    public async Task<List<string>> HeadersAsync() =>
        (await page.Locator(Table + " thead th").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    /// <summary>The unique names of the rows shown, top to bottom.</summary>
    public async Task<List<string>> RowNamesAsync() =>
        [.. await page.Locator(Rows).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)")];

    /// <summary>One column's cell texts of the rows shown, trimmed, top to bottom.</summary>
    public async Task<List<string>> CellsAsync(Column column) =>
        (await page.Locator($"{Rows} td:nth-child({(int)column})").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    /// <summary>The Wait time column in seconds (it shows h:mm:ss).</summary>
    public async Task<List<int>> WaitSecondsAsync() =>
        (await CellsAsync(Column.WaitTime)).Select(t => (int)TimeSpan.Parse(t, CultureInfo.InvariantCulture).TotalSeconds).ToList();

    /// <summary>Chooses how many rows a page shows and waits for it.</summary>
    public async Task ShowRowsPerPageAsync(int size)
    {
        await page.ClickAsync($"[data-testid=pager] a:text-is('{size}')");
        await page.WaitForURLAsync(url => url.Contains("size=" + size, StringComparison.Ordinal));
    }

    /// <summary>Goes to the next page and waits for it.</summary>
    public async Task NextPageAsync()
    {
        var before = page.Url;
        await page.ClickAsync("[data-testid=page-next]");
        await page.WaitForURLAsync(url => url != before);
    }

    /// <summary>Ticks the rows' checkboxes (for "export selected").</summary>
    public async Task TickAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await page.CheckAsync($"tr[data-name={name}] input[name=selected]");
        }
    }

    /// <summary>The names of the options a picker (<c>user</c>, <c>queue</c>…) shows right now (hidden ones left out).</summary>
    public async Task<List<string>> VisiblePickerOptionsAsync(string picker) =>
        [.. await page.Locator($"[data-testid=picker-{picker}] option").EvaluateAllAsync<string[]>("options => options.filter(o => !o.hidden).map(o => o.textContent.trim())")];

    /// <summary>Ticks or unticks the crossed-eye toggle (deactivated users and queues in the pickers), without searching.</summary>
    public Task SetCrossedEyeAsync(bool on) => page.SetCheckedAsync("#inactive", on);

    /// <summary>Opens a row's detail by its eye button.</summary>
    public async Task<DetailPage> OpenDetailAsync(string name)
    {
        await page.ClickAsync($"tr[data-name={name}] [data-testid=open-detail]");
        await page.WaitForURLAsync(url => url.Contains("/listing/activities/?activityDetail=" + name, StringComparison.Ordinal));
        return new DetailPage(page);
    }

    /// <summary>Whether a row offers the "+" that pairs a contact (it has none yet).</summary>
    public Task<bool> OffersPairingAsync(string name) => page.Locator($"tr[data-name={name}] [data-testid=pair-contact]").IsVisibleAsync();

    /// <summary>Follows a row's "+" to its detail with the pairing panel open.</summary>
    public async Task<DetailPage> PairContactAsync(string name)
    {
        await page.ClickAsync($"tr[data-name={name}] [data-testid=pair-contact]");
        await page.WaitForURLAsync(url => url.Contains("panel=pair", StringComparison.Ordinal));
        return new DetailPage(page);
    }

    /// <summary>Opens the export dialog over all matching rows.</summary>
    public async Task<ExportDialog> OpenExportAsync()
    {
        await page.ClickAsync("[data-testid=export]");
        return await ExportDialog.ArrivedAsync(page);
    }

    /// <summary>Opens the export dialog over the ticked rows.</summary>
    public async Task<ExportDialog> OpenExportOfTickedAsync()
    {
        await page.ClickAsync("[data-testid=export-selected]");
        return await ExportDialog.ArrivedAsync(page);
    }

    /// <summary>Waits until the browser shows the listing again (e.g. after going back from the export dialog).</summary>
    public async Task WaitUntilShownAsync() =>
        await page.WaitForURLAsync(url => url.Contains("/listing/wap", StringComparison.Ordinal) && !url.Contains("/export", StringComparison.Ordinal));
}
