using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Listing;
using WapListing.Web.Features.Export;

namespace WapListing.FunctionalTests.Export;

/// <summary>
/// Exports read back with independent readers (.NET's TextFieldParser, ClosedXML) against the listing's rows and the
/// rights oracle, through real Kestrel.
/// </summary>
public sealed partial class ExportTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private const string Columns = "column=Time&column=Queue&column=User&column=Contact&column=WhatsAppContact&column=Answered&column=WaitTime&column=Duration&column=EndedBy&column=Connector&column=Missed&column=MissedTime&column=Name";
    private const string QueueOrderDescendingInEnglish = "(SELECT name FROM queues q WHERE q.id = i.queue_id) COLLATE \"und-x-icu\" DESC, i.id DESC";

    private async Task<HttpClient> SignedInAsync(string user, WapListingAppFactory? app = null)
    {
        var baseUrl = (app ?? demo.App).StartOnRealPort();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        await client.SignInAsync(user);
        return client;
    }

    [Theory]
    [InlineData("supervisor", "time=last30days", "TRUE", RightsOracle.NewestFirst, ';', "Čas (Europe/Prague)", "Délka čekání (s)", "Unikátní název")]
    [InlineData("supervisor", "time=last30days&sort=wait&dir=asc&answered=yes", "i.answered", "i.wait_time ASC, i.id ASC", ';', "Čas (Europe/Prague)", "Délka čekání (s)", "Unikátní název")]
    [InlineData("manager", "time=last30days&sort=queue&dir=desc&missed=1", "i.missed_state = 'Shown'", QueueOrderDescendingInEnglish, ',', "Time (Europe/Prague)", "Wait time (s)", "Unique name")]
    [InlineData("admin", "time=thisyear&sort=wacontact&dir=asc&hascontact=no", "i.contact_id IS NULL", "i.whats_app_contact COLLATE \"cs-x-icu\" ASC, i.id ASC", ';', "Čas (Europe/Prague)", "Délka čekání (s)", "Unikátní název")]
    public async Task Csv_holds_the_listings_rows_in_its_order_with_headers_in_the_users_language_and_neutralised_formulas(
        string user, string filter, string condition, string orderBy, char separator, string timeHeader, string waitHeader, string nameHeader)
    {
        var expected = await RightsOracle.VisibleInteractionNamesAsync(
            demo.ConnectionString, await RightsOracle.UserIdAsync(demo.ConnectionString, user), RangeOf(filter), condition, orderBy);
        var client = await SignedInAsync(user);
        var listing = await ListingPages.AllRowNamesAsync(client, filter);

        var response = await client.GetAsync($"/listing/wap/export/download?{filter}&format=csv&{Columns}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var (header, rows) = CsvReadBack.Read(bytes, separator);
        Assert.Equal(timeHeader, header[0]);
        Assert.Equal(waitHeader, header[6]);
        Assert.Equal(nameHeader, header[12]);
        Assert.Equal(expected, listing);
        Assert.Equal(expected, rows.Select(r => r[12]).ToList());
        Assert.All(rows, r => Assert.True(int.TryParse(r[6], out _) && int.TryParse(r[7], out _), $"wait {r[6]}, duration {r[7]}"));
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), cell));
    }

    [Fact]
    public async Task Hostile_names_are_neutralised_in_csv_and_stay_plain_text_in_xlsx()
    {
        // WhatsApp names as customers typed them, newest first, and as the CSV must hold them.
        (string Typed, string InCsv)[] names =
        [
            ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
            ("@SUM(1,1)", "'@SUM(1,1)"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("\tTabulátor", "'\tTabulátor"),
            ("<script>alert(1)</script>", "<script>alert(1)</script>"),
            ("😀 Ahoj 👍", "😀 Ahoj 👍"),
            ("Jana; \"Janička\", Nováková", "Jana; \"Janička\", Nováková"),
        ];
        var queue = await demo.Data.AddQueueAsync();
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor, language: "cs", grants: [RightsGrant.ForQueue(queue.Id)]);
        for (var i = 0; i < names.Length; i++)
        {
            var typed = names[i].Typed;
            await demo.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddMinutes(-10 * (i + 1)), chat => chat.WhatsAppContact = typed);
        }

        var client = await SignedInAsync(viewer.UserName!);
        var csv = await client.GetByteArrayAsync($"/listing/wap/export/download?format=csv&{Columns}");
        var (_, rows) = CsvReadBack.Read(csv, ';');
        Assert.Equal(names.Select(n => n.InCsv), rows.Select(r => r[4]));

        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync($"/listing/wap/export/download?format=xlsx&{Columns}")));
        var sheet = workbook.Worksheets.First();
        Assert.DoesNotContain(sheet.CellsUsed(), cell => cell.HasFormula);
        Assert.Equal(names.Select(n => n.Typed), sheet.Column(5).CellsUsed().Skip(1).Select(c => c.GetString()));
    }

    [Fact]
    public async Task Xlsx_has_a_frozen_header_typed_cells_in_the_viewers_zone_and_the_listings_rows()
    {
        const string filter = "time=last30days&sort=duration&dir=desc";
        var expected = await RightsOracle.VisibleInteractionNamesAsync(
            demo.ConnectionString, await RightsOracle.UserIdAsync(demo.ConnectionString, "manager"), DemoRanges.Last30Days, orderBy: "i.duration DESC, i.id DESC");
        var client = await SignedInAsync("manager");
        var listing = await ListingPages.AllRowNamesAsync(client, filter);
        Assert.Equal(expected, listing);

        var response = await client.GetAsync($"/listing/wap/export/download?{filter}&format=xlsx&{Columns}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("WhatsApp-listing_2026-10-27_2026-11-25.xlsx", disposition.FileNameStar);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("Time (Europe/Prague)", sheet.Cell(1, 1).GetString());
        Assert.Equal("Wait time (s)", sheet.Cell(1, 7).GetString());
        var names = Enumerable.Range(2, listing.Count).Select(r => sheet.Cell(r, 13).GetString()).ToList();
        Assert.Equal(listing, names);
        Assert.True(sheet.Cell(listing.Count + 2, 13).IsEmpty());

        await using var db = demo.OpenDb();
        var first = await db.Interactions.Where(i => i.Name == listing[0]).Select(i => new { i.Time, i.Duration, i.WaitTime }).SingleAsync();
        var prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 1).DataType);
        Assert.Equal(TimeZoneInfo.ConvertTime(first.Time, prague).DateTime, sheet.Cell(2, 1).GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 8).DataType);
        Assert.Equal(first.Duration, sheet.Cell(2, 8).GetValue<int>());
        Assert.Equal(first.WaitTime, sheet.Cell(2, 7).GetValue<int>());
        Assert.True(sheet.Column(1).Width >= 15, $"the time column is {sheet.Column(1).Width} wide");
    }

    [Fact]
    public async Task Ticked_rows_export_exactly_those_rows_in_listing_order_with_chosen_columns_and_delimiter()
    {
        var client = await SignedInAsync("supervisor");
        var listing = await ListingPages.AllRowNamesAsync(client, "time=last7days");
        var ticked = new[] { listing[5], listing[0], listing[9] };

        var dialog = await client.GetStringAsync($"/listing/wap/export?time=last7days&selected={ticked[0]}&selected={ticked[1]}&selected={ticked[2]}");
        Assert.Contains("data-testid=\"export-selected-count\">3 řádky<", dialog);
        var csv = await client.GetByteArrayAsync($"/listing/wap/export/download?time=last7days&scope=selected&selected={ticked[0]}&selected={ticked[1]}&selected={ticked[2]}&format=csv&delimiter=,&column=Name&column=Queue");

        var (header, rows) = CsvReadBack.Read(csv, ',');
        Assert.Equal(["Fronta", "Unikátní název"], header);
        Assert.Equal([listing[0], listing[5], listing[9]], rows.Select(r => r[1]).ToList());
    }

    [Fact]
    public async Task Exported_rows_stay_within_the_viewers_rights_even_for_foreign_ticked_names()
    {
        var own = await demo.Data.AddQueueAsync();
        var foreign = await demo.Data.AddQueueAsync();
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor, language: "cs", grants: [RightsGrant.ForQueue(own.Id)]);
        var visible = await demo.Data.AddInteractionAsync(own, TestClock.DemoNow.AddDays(-2));
        var hidden = await demo.Data.AddInteractionAsync(foreign, TestClock.DemoNow.AddDays(-1));
        var client = await SignedInAsync(viewer.UserName!);

        var csv = await client.GetByteArrayAsync($"/listing/wap/export/download?time=thisyear&scope=selected&selected={hidden.Name}&selected={visible.Name}&format=csv&column=Name");

        var row = Assert.Single(CsvReadBack.Read(csv, ';').Rows);
        Assert.Equal([visible.Name], row);
    }

    [Fact]
    public async Task An_agent_gets_403_from_the_export_urls()
    {
        var client = await SignedInAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/listing/wap/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/listing/wap/export/download?format=csv")).StatusCode);
        Assert.DoesNotContain("data-testid=\"export\"", await client.GetStringAsync("/listing/wap"));
    }

    [Fact]
    public async Task More_rows_than_an_excel_sheet_holds_get_a_clear_message_suggesting_csv()
    {
        using var app = new WapListingAppFactory(demo.ConnectionString).WithSettings(("Export:XlsxRowLimit", "10"));
        var client = await SignedInAsync("admin", app);

        var xlsx = await client.GetAsync("/listing/wap/export/download?time=last7days&format=xlsx");

        Assert.Equal(HttpStatusCode.Conflict, xlsx.StatusCode);
        Assert.Equal(
            "Tyto řádky se nevejdou na jeden list Excelu (nejvýše 1 048 575 řádků). Zužte filtr nebo zvolte CSV.",
            ExportProblem(await xlsx.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/listing/wap/export/download?time=last7days&format=csv")).StatusCode);
    }

    [Fact]
    public async Task When_all_export_slots_are_taken_others_get_a_clear_503()
    {
        using var app = new WapListingAppFactory(demo.ConnectionString).WithSettings(("Export:MaxConcurrentExports", "1"), ("Export:QueueWaitSeconds", "0"));
        var client = await SignedInAsync("admin", app);
        using var slot = await app.Services.GetRequiredService<ExportGate>().TryEnterAsync(CancellationToken.None);
        Assert.NotNull(slot);

        var response = await client.GetAsync("/listing/wap/export/download?format=csv");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal("Právě běží příliš mnoho exportů. Zkuste to prosím za minutu.", ExportProblem(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Each_export_is_audited_with_user_filter_kinds_picked_ids_format_scope_and_row_count_but_no_typed_value()
    {
        var managerId = await RightsOracle.UserIdAsync(demo.ConnectionString, "manager");
        var yesterday = await RightsOracle.VisibleInteractionNamesAsync(demo.ConnectionString, managerId, DemoRanges.Yesterday);
        var client = await SignedInAsync("manager");
        var csv = await client.GetByteArrayAsync("/listing/wap/export/download?time=yesterday&format=csv&column=Name");
        var rows = CsvReadBack.Read(csv, ',').Rows;
        Assert.Equal(yesterday, rows.Select(r => r[0]));

        await using var db = demo.OpenDb();
        var entry = await db.AuditEntries.Where(a => a.Action == "listing.exported" && a.UserId == managerId).OrderByDescending(a => a.Id).FirstAsync();
        using var detail = System.Text.Json.JsonDocument.Parse(entry.Detail!);
        Assert.Equal(yesterday.Count, detail.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal("csv", detail.RootElement.GetProperty("format").GetString());
        Assert.Equal("AllMatching", detail.RootElement.GetProperty("scope").GetString());
        Assert.Equal(["time=yesterday"], detail.RootElement.GetProperty("filters").EnumerateArray().Select(f => f.GetString()));

        // Typed values (a number, names, a transcript text, a wait bound) are audited as the kind of filter only; picked ids are kept.
        var queueId = await db.Interactions.Where(i => i.Name == yesterday[0]).Select(i => i.QueueId!.Value).SingleAsync();
        var connectorId = await db.Connectors.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        const string typed = "sender=%2B420605111222&contact=Nov%C3%A1kov%C3%A1&wacontact=Jarmila&text=Kol%C3%A1%C5%99ova%2015&waitmin=4242";
        var filtered = await client.GetAsync($"/listing/wap/export/download?time=last30days&queue={queueId}&connector={connectorId}&{typed}&format=csv");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        await filtered.Content.ReadAsByteArrayAsync();
        var typedEntry = await db.AuditEntries.Where(a => a.Action == "listing.exported" && a.UserId == managerId).OrderByDescending(a => a.Id).FirstAsync();
        Assert.NotEqual(entry.Id, typedEntry.Id);
        using var typedDetail = System.Text.Json.JsonDocument.Parse(typedEntry.Detail!);
        Assert.Equal(
            ["time=last30days", "contact", "sender", "wacontact", "text", "waitmin"],
            typedDetail.RootElement.GetProperty("filters").EnumerateArray().Select(f => f.GetString()));
        var ids = typedDetail.RootElement.GetProperty("ids");
        Assert.Equal([queueId], ids.GetProperty("queue").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([connectorId], ids.GetProperty("connector").EnumerateArray().Select(e => e.GetInt32()));
        foreach (var value in new[] { "605111222", "Nov", "Jarmila", "Kol", "4242" })
        {
            Assert.DoesNotContain(value, typedEntry.Detail!, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The instants of a filter's time preset at the demo instant.</summary>
    private static TimeRange RangeOf(string filter) => filter.Split('&')[0] switch
    {
        "time=last30days" => DemoRanges.Last30Days,
        "time=thisyear" => DemoRanges.ThisYear,
        var other => throw new ArgumentException($"No range written out for {other}.", nameof(filter)),
    };

    /// <summary>The problem the export dialog shows above its form.</summary>
    private static string ExportProblem(string html)
    {
        var match = ProblemPattern().Match(html);
        Assert.True(match.Success, "the page shows no export problem");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("data-testid=\"export-problem\">([^<]*)<")]
    private static partial Regex ProblemPattern();
}
