using System.Text;
using ClosedXML.Excel;
using Microsoft.Playwright;
using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Browser;

public sealed class ManagerExportsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Rows = "table[data-testid=wap-listing] tbody tr[data-name]";

    [BrowserFact]
    public async Task A_manager_exports_a_filtered_listing_as_xlsx_and_csv_and_then_three_ticked_rows()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("manager");
        await page.SelectOptionAsync("#time", "last30days");
        await page.SelectOptionAsync("#queue", new SelectOptionValue { Label = "Reklamace" });
        await page.ClickAsync("[data-testid=search]");
        await page.WaitForURLAsync(url => url.Contains("time=last30days", StringComparison.Ordinal));
        await page.ClickAsync("[data-testid=pager] a:text-is('250')");
        await page.WaitForURLAsync(url => url.Contains("size=250", StringComparison.Ordinal));
        var shown = await page.Locator(Rows).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.name)");
        Assert.NotEmpty(shown);

        await page.ClickAsync("[data-testid=export]");
        await page.WaitForURLAsync(url => url.Contains("/listing/wap/export", StringComparison.Ordinal));
        await page.CheckAsync("#column-Name");
        await page.SaveScreenshotAsync("export-dialog-en");
        var xlsx = await DownloadAsync(page);
        Assert.EndsWith(".xlsx", xlsx.Name, StringComparison.Ordinal);
        using (var workbook = new XLWorkbook(new MemoryStream(xlsx.Bytes)))
        {
            var sheet = workbook.Worksheets.First();
            var names = sheet.Column(13).CellsUsed().Skip(1).Select(c => c.GetString()).ToArray();
            Assert.Equal(shown, names);
            Assert.All(sheet.Column(2).CellsUsed().Skip(1), cell => Assert.Equal("Reklamace", cell.GetString()));
        }

        await page.CheckAsync("#format-csv");
        var csv = await DownloadAsync(page);
        Assert.EndsWith(".csv", csv.Name, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(csv.Bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(shown, lines.Skip(1).Select(line => line.Split(',')[^1]).ToArray());

        await page.GoBackAsync();
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.Contains("/listing/wap?", StringComparison.Ordinal) && !url.Contains("export", StringComparison.Ordinal));
        var ticked = new[] { shown[0], shown[2], shown[4] };
        foreach (var name in ticked)
        {
            await page.CheckAsync($"tr[data-name={name}] input[name=selected]");
        }

        await page.ClickAsync("[data-testid=export-selected]");
        await page.WaitForURLAsync(url => url.Contains("/listing/wap/export", StringComparison.Ordinal));
        Assert.True(await page.IsCheckedAsync("#scope-selected"));
        await page.CheckAsync("#column-Name");
        await page.CheckAsync("#format-csv");
        var selected = await DownloadAsync(page);
        var selectedLines = Encoding.UTF8.GetString(selected.Bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ticked, selectedLines.Skip(1).Select(line => line.Split(',')[^1]).ToArray());
        await page.Context.CloseAsync();
    }

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-download]"));
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }
}
