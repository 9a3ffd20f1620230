using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Export;

/// <summary>
/// The one export (DESIGN §7): the listing's own filtered, sorted, rights-checked query, read as a stream and
/// written row by row to a stream (the response) as .xlsx (SpreadCheetah) or .csv (CsvHelper). Memory stays flat; a client
/// that goes away cancels the query. Times are in the viewer's zone; durations are whole seconds in both formats.
/// </summary>
public sealed class ListingExporter(
    WapListingDbContext db,
    IStringLocalizer<SharedResource> localizer,
    TimeProvider clock)
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    public string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    /// <summary>The download's name: the localized word for the export and the local days it covers.</summary>
    public string FileName(ExportSettings settings)
    {
        var zone = settings.Criteria.Zone;
        var first = Local(settings.Criteria.From, zone);
        var last = Local(settings.Criteria.To, zone).AddTicks(-1);
        var extension = settings.Format == ExportFormat.Xlsx ? "xlsx" : "csv";
        return $"{localizer["Export.FileName"]}_{first:yyyy-MM-dd}_{last:yyyy-MM-dd}.{extension}";
    }

    /// <summary>Streams the rows the viewer may see into <paramref name="body"/>, then audits the export.</summary>
    public async Task WriteAsync(Stream body, ViewerRights rights, int userId, ExportSettings settings, CancellationToken cancellationToken)
    {
        var rows = WapListingQuery.Matching(db, rights, settings.Criteria).AsNoTracking()
            .Sorted(settings.Criteria).ToRows().StreamWithServerCancellation(cancellationToken);
        var texts = new CellTexts(
            localizer["Common.Yes"], localizer["Common.No"], localizer["Listing.Anonymized"], localizer["Listing.Draft"],
            Enum.GetValues<EndedBy>().ToDictionary(e => e, e => localizer[$"EndedBy.{e}"].Value));
        var written = settings.Format == ExportFormat.Xlsx
            ? await WriteXlsxAsync(body, rows, settings, texts, cancellationToken)
            : await WriteCsvAsync(body, rows, settings, texts, cancellationToken);

        var (filters, ids) = ExportAuditFilter.Describe(settings.Criteria);
        db.AuditEntries.Add(new AuditEntry
        {
            Time = clock.GetUtcNow(),
            UserId = userId,
            Action = "listing.exported",
            Detail = JsonSerializer.Serialize(new
            {
                format = settings.Format.ToString().ToLowerInvariant(),
                scope = settings.Scope.ToString(),
                rows = written,
                filters,
                ids,
            }),
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public string Header(ListingColumn column, TimeZoneInfo zone) => column switch
    {
        ListingColumn.Time or ListingColumn.MissedTime => $"{localizer[$"Column.{column}"]} ({zone.Id})",
        ListingColumn.WaitTime or ListingColumn.Duration => $"{localizer[$"Column.{column}"]} ({localizer["Export.Seconds"]})",
        ListingColumn.Name => localizer["Filter.UniqueName"],
        _ => localizer[$"Column.{column}"],
    };

    private async Task<long> WriteCsvAsync(Stream body, IAsyncEnumerable<WapListingRow> rows, ExportSettings request, CellTexts texts, CancellationToken cancellationToken)
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
                    case ListingColumn.WaitTime:
                        csv.WriteField(row.WaitTime, default);
                        break;
                    case ListingColumn.Duration:
                        csv.WriteField(row.Duration, default);
                        break;
                    case ListingColumn.Time:
                        csv.WriteField(Local(row.Time, zone).ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                        break;
                    case ListingColumn.MissedTime:
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

    private async Task<long> WriteXlsxAsync(Stream body, IAsyncEnumerable<WapListingRow> rows, ExportSettings request, CellTexts texts, CancellationToken cancellationToken)
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
                        ListingColumn.Time => new Cell(Local(row.Time, zone), dateStyle),
                        ListingColumn.MissedTime => row.MissedTime is { } missed ? new Cell(Local(missed, zone), dateStyle) : new Cell(string.Empty),
                        ListingColumn.WaitTime => new Cell(row.WaitTime),
                        ListingColumn.Duration => new Cell(row.Duration),
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

    private static string? Text(WapListingRow row, ListingColumn column, CellTexts texts) => column switch
    {
        ListingColumn.Queue => row.Queue,
        ListingColumn.User => row.User,
        ListingColumn.Contact => row.Anonymized ? texts.Anonymized : row.Contact,
        ListingColumn.WhatsAppContact => row.WhatsAppContact,
        ListingColumn.Answered => row.IsDraft ? texts.Draft : row.Answered ? texts.Yes : texts.No,
        ListingColumn.EndedBy => row.EndedBy is { } endedBy ? texts.EndedBy[endedBy] : null,
        ListingColumn.Connector => row.Connector,
        ListingColumn.Missed => row.MissedState switch
        {
            MissedState.Shown => "1",
            MissedState.Removed => "0",
            MissedState.ContactedBack => "NO",
            _ => null,
        },
        ListingColumn.Name => row.Name,
        _ => null,
    };

    private static DateTime Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    private static double Width(ListingColumn column) => column switch
    {
        ListingColumn.Time or ListingColumn.MissedTime => 20,
        ListingColumn.WaitTime or ListingColumn.Duration or ListingColumn.Answered or ListingColumn.Missed => 12,
        ListingColumn.Name => 22,
        _ => 26,
    };

    /// <summary>The words cells repeat on every row, looked up once per export instead of once per cell.</summary>
    private sealed record CellTexts(string Yes, string No, string Anonymized, string Draft, IReadOnlyDictionary<EndedBy, string> EndedBy);
}
