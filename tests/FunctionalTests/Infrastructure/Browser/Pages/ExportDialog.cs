using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser.Pages;

/// <summary>The export dialog (<c>/listing/wap/export</c>): scope, format, delimiter and columns, then Download.</summary>
public sealed class ExportDialog
{
    private readonly IPage _page;

    private ExportDialog(IPage page) => _page = page;

    /// <summary>Waits for the dialog after the listing's Export… or Export selected button.</summary>
    public static async Task<ExportDialog> ArrivedAsync(IPage page)
    {
        await page.WaitForURLAsync(url => url.Contains("/listing/wap/export", StringComparison.Ordinal));
        return new ExportDialog(page);
    }

    /// <summary><c>xlsx</c> or <c>csv</c>.</summary>
    public Task ChooseFormatAsync(string format) => _page.CheckAsync($"#format-{format}");

    /// <summary><c>all</c> (every matching row) or <c>selected</c> (the ticked rows).</summary>
    public Task ChooseScopeAsync(string scope) => _page.CheckAsync($"#scope-{scope}");

    public Task<bool> IsScopeChosenAsync(string scope) => _page.IsCheckedAsync($"#scope-{scope}");

    /// <summary>The CSV delimiter: <c>;</c>, <c>,</c> or <c>tab</c>.</summary>
    public async Task ChooseDelimiterAsync(string delimiter) => await _page.SelectOptionAsync("#delimiter", delimiter);

    /// <summary>Adds a column (by its export name, e.g. <c>Name</c>) to the file.</summary>
    public Task IncludeColumnAsync(string column) => _page.CheckAsync($"#column-{column}");

    /// <summary>Leaves a column out of the file.</summary>
    public Task LeaveOutColumnAsync(string column) => _page.UncheckAsync($"#column-{column}");

    /// <summary>Presses Download and returns the file the browser saved.</summary>
    public async Task<ExportedFile> DownloadAsync()
    {
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("[data-testid=export-download]"));
        var path = await download.PathAsync();
        return new ExportedFile(download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }
}

/// <summary>A downloaded export: the file name the app suggested and its bytes.</summary>
public sealed record ExportedFile(string Name, byte[] Bytes);
