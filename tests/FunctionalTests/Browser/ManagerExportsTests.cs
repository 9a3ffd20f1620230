using ClosedXML.Excel;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;

namespace WapListing.FunctionalTests.Browser;

public sealed class ManagerExportsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task A_manager_exports_a_filtered_listing_as_xlsx_and_csv_and_then_three_ticked_rows()
    {
        // An English manager with two queues; the filter keeps the seven chats of one of them.
        var complaints = await app.Data.AddQueueAsync($"Complaints {TestData.Suffix()}");
        var billing = await app.Data.AddQueueAsync($"Billing {TestData.Suffix()}");
        var manager = await app.Data.AddUserAsync(UserRole.Manager, language: "en", grants: [RightsGrant.ForQueue(complaints.Id), RightsGrant.ForQueue(billing.Id)]);
        var newestFirst = new List<string>();
        for (var day = 1; day <= 7; day++)
        {
            newestFirst.Add((await app.Data.AddInteractionAsync(complaints, TestClock.DemoNow.AddDays(-3 * day), i => i.WhatsAppContact = $"Complaint {day}")).Name);
            await app.Data.AddInteractionAsync(billing, TestClock.DemoNow.AddDays(-3 * day).AddHours(1));
        }

        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync(manager.UserName!);
        var listing = new ListingPage(page);
        await listing.FilterAsync(time: "last30days", queue: complaints.Name);
        var shown = await listing.RowNamesAsync();
        Assert.Equal(newestFirst, shown);

        var dialog = await listing.OpenExportAsync();
        await dialog.IncludeColumnAsync("Name");
        await page.SaveScreenshotAsync("export-dialog-en");
        var xlsx = await dialog.DownloadAsync();
        Assert.EndsWith(".xlsx", xlsx.Name, StringComparison.Ordinal);
        using (var workbook = new XLWorkbook(new MemoryStream(xlsx.Bytes)))
        {
            var sheet = workbook.Worksheets.First();
            Assert.Equal("Unique name", sheet.Cell(1, 13).GetString());
            Assert.Equal(shown, sheet.Column(13).CellsUsed().Skip(1).Select(c => c.GetString()).ToArray());
            Assert.Equal(Enumerable.Repeat(complaints.Name, shown.Count), sheet.Column(2).CellsUsed().Skip(1).Select(c => c.GetString()));
        }

        await dialog.ChooseFormatAsync("csv");
        var csv = await dialog.DownloadAsync();
        Assert.EndsWith(".csv", csv.Name, StringComparison.Ordinal);
        var (header, rows) = CsvReadBack.Read(csv.Bytes, ',');
        Assert.Equal("Unique name", header[^1]);
        Assert.Equal(shown, rows.Select(row => row[^1]).ToArray());

        await page.GoBackAsync(); // downloads do not navigate: one step back is the filtered listing
        await listing.WaitUntilShownAsync();
        Assert.Equal(shown, await listing.RowNamesAsync());
        string[] ticked = [shown[0], shown[2], shown[4]];
        await listing.TickAsync(ticked);

        dialog = await listing.OpenExportOfTickedAsync();
        Assert.True(await dialog.IsScopeChosenAsync("selected"));
        await dialog.IncludeColumnAsync("Name");
        await dialog.ChooseFormatAsync("csv");
        var selected = await dialog.DownloadAsync();
        Assert.Equal(ticked, CsvReadBack.Read(selected.Bytes, ',').Rows.Select(row => row[^1]).ToArray());
    }
}
