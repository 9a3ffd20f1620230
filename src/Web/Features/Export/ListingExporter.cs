using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Export;

public enum ExportOutcome
{
    Written,
    Busy,
    TooManyRowsForXlsx,
}

/// <summary>
/// The one export (DESIGN §7): the listing's own filtered, sorted, rights-checked query, read as a stream and
/// written row by row to the response as .xlsx (SpreadCheetah) or .csv (CsvHelper). Memory stays flat; a client
/// that goes away cancels the query. Times are in the viewer's zone; durations are whole seconds in both formats.
/// </summary>
public sealed class ListingExporter(
    WapListingDbContext db,
    ExportGate gate,
    IOptions<ExportOptions> options,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock)
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    public async Task<ExportOutcome> WriteAsync(HttpResponse response, ViewerRights rights, int userId, ExportRequest request, CancellationToken cancellationToken)
    {
        using var slot = await gate.TryEnterAsync(cancellationToken);
        if (slot is null)
        {
            return ExportOutcome.Busy;
        }

        var matching = WapListingQuery.Matching(db, rights, request.Criteria).AsNoTracking();
        if (request.Format == ExportFormat.Xlsx && await matching.Take(options.Value.XlsxRowLimit + 1).CountAsync(cancellationToken) > options.Value.XlsxRowLimit)
        {
            return ExportOutcome.TooManyRowsForXlsx;
        }

        var rows = matching.Sorted(request.Criteria).ToRows().StreamWithServerCancellation(cancellationToken);
        response.ContentType = request.Format == ExportFormat.Xlsx
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = ContentDisposition(request);
        var texts = new CellTexts(
            localizer["Common.Yes"], localizer["Common.No"], localizer["Listing.Anonymized"],
            Enum.GetValues<EndedBy>().ToDictionary(e => e, e => localizer[$"EndedBy.{e}"].Value));
        var written = request.Format == ExportFormat.Xlsx
            ? await WriteXlsxAsync(response.Body, rows, request, texts, cancellationToken)
            : await WriteCsvAsync(response.Body, rows, request, texts, cancellationToken);

        db.AuditEntries.Add(new AuditEntry
        {
            Time = clock.GetUtcNow(),
            UserId = userId,
            Action = "listing.exported",
            Detail = JsonSerializer.Serialize(new
            {
                format = request.Format.ToString().ToLowerInvariant(),
                scope = request.Scope.ToString(),
                rows = written,
                filter = ListingUrl.For(request.Criteria with { Page = 1 }),
            }),
        });
        await db.SaveChangesAsync(CancellationToken.None);
        return ExportOutcome.Written;
    }

    public string Header(ExportColumn column, TimeZoneInfo zone) => column switch
    {
        ExportColumn.Time or ExportColumn.MissedTime => $"{localizer[$"Column.{column}"]} ({zone.Id})",
        ExportColumn.WaitTime or ExportColumn.Duration => $"{localizer[$"Column.{column}"]} ({localizer["Export.Seconds"]})",
        ExportColumn.Name => localizer["Filter.UniqueName"],
        _ => localizer[$"Column.{column}"],
    };

    private async Task<long> WriteCsvAsync(Stream body, IAsyncEnumerable<WapListingRow> rows, ExportRequest request, CellTexts texts, CancellationToken cancellationToken)
    {
        var csvOptions = new CsvWriterOptions
        {
            Separator = request.Delimiter,
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
        };
        await using var csv = CsvWriter.Create(body, csvOptions, leaveOpen: true);
        var zone = request.Criteria.Zone;
        foreach (var column in request.Columns)
        {
            csv.WriteField(Header(column, zone));
        }

        await csv.EndRecordAsync(cancellationToken);
        long count = 0;
        await foreach (var row in rows)
        {
            foreach (var column in request.Columns)
            {
                switch (column)
                {
                    case ExportColumn.WaitTime:
                        csv.WriteField(row.WaitTime, default);
                        break;
                    case ExportColumn.Duration:
                        csv.WriteField(row.Duration, default);
                        break;
                    case ExportColumn.Time:
                        csv.WriteField(Local(row.Time, zone).ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                        break;
                    case ExportColumn.MissedTime:
                        csv.WriteField(row.MissedTime is { } missed ? Local(missed, zone).ToString(DateTimeFormat, CultureInfo.InvariantCulture) : string.Empty);
                        break;
                    default:
                        csv.WriteField(Text(row, column, texts) ?? string.Empty);
                        break;
                }
            }

            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private async Task<long> WriteXlsxAsync(Stream body, IAsyncEnumerable<WapListingRow> rows, ExportRequest request, CellTexts texts, CancellationToken cancellationToken)
    {
        await using var output = new SyncWriteBufferingStream(body);
        var zone = request.Criteria.Zone;
        long count = 0;
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { BufferSize = 64 * 1024 }, cancellationToken))
        {
            var worksheetOptions = new WorksheetOptions { FrozenRows = 1 };
            for (var i = 0; i < request.Columns.Count; i++)
            {
                worksheetOptions.Column(i + 1).Width = Width(request.Columns[i]);
            }

            await spreadsheet.StartWorksheetAsync(localizer["Export.SheetName"], worksheetOptions, cancellationToken);
            var headerStyle = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            var dateStyle = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") });
            await spreadsheet.AddHeaderRowAsync(request.Columns.Select(c => Header(c, zone)).ToList(), headerStyle, cancellationToken);

            var cells = new Cell[request.Columns.Count];
            await foreach (var row in rows)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = request.Columns[i] switch
                    {
                        ExportColumn.Time => new Cell(Local(row.Time, zone), dateStyle),
                        ExportColumn.MissedTime => row.MissedTime is { } missed ? new Cell(Local(missed, zone), dateStyle) : new Cell(string.Empty),
                        ExportColumn.WaitTime => new Cell(row.WaitTime),
                        ExportColumn.Duration => new Cell(row.Duration),
                        var column => new Cell(Text(row, column, texts) ?? string.Empty),
                    };
                }

                await spreadsheet.AddRowAsync(cells, cancellationToken);
                count++;
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static string? Text(WapListingRow row, ExportColumn column, CellTexts texts) => column switch
    {
        ExportColumn.Queue => row.Queue,
        ExportColumn.User => row.User,
        ExportColumn.Contact => row.Anonymized ? texts.Anonymized : row.Contact,
        ExportColumn.WhatsAppContact => row.WhatsAppContact,
        ExportColumn.Answered => row.Answered ? texts.Yes : texts.No,
        ExportColumn.EndedBy => row.EndedBy is { } endedBy ? texts.EndedBy[endedBy] : null,
        ExportColumn.Connector => row.Connector,
        ExportColumn.Missed => row.MissedState switch
        {
            MissedState.Shown => "1",
            MissedState.Removed => "0",
            MissedState.ContactedBack => "NO",
            _ => null,
        },
        ExportColumn.Name => row.Name,
        _ => null,
    };

    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    private static double Width(ExportColumn column) => column switch
    {
        ExportColumn.Time or ExportColumn.MissedTime => 20,
        ExportColumn.WaitTime or ExportColumn.Duration or ExportColumn.Answered or ExportColumn.Missed => 12,
        ExportColumn.Name => 22,
        _ => 26,
    };

    private string ContentDisposition(ExportRequest request)
    {
        var zone = request.Criteria.Zone;
        var first = Local(request.Criteria.From, zone);
        var last = Local(request.Criteria.To, zone).AddTicks(-1);
        var extension = request.Format == ExportFormat.Xlsx ? "xlsx" : "csv";
        var name = $"{localizer["Export.FileName"]}_{first:yyyy-MM-dd}_{last:yyyy-MM-dd}.{extension}";
        var header = new ContentDispositionHeaderValue("attachment");
        header.SetHttpFileName(name);
        return header.ToString();
    }

    /// <summary>The words cells repeat on every row, looked up once per export instead of once per cell.</summary>
    private sealed record CellTexts(string Yes, string No, string Anonymized, IReadOnlyDictionary<EndedBy, string> EndedBy);
}
