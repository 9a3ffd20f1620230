using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Export;

public sealed record ExportListingRequest(ListingParameters Listing, ExportParameters Export);

/// <summary>
/// The Export dialog's download (DESIGN §7): waits for one of the instance's export slots, refuses an .xlsx beyond the
/// sheet's row limit, and hands back the streaming writer of <see cref="ListingExporter"/>.
/// </summary>
public sealed class ExportListing(
    CurrentViewer viewer,
    ListingCriteriaReader criteriaReader,
    GetExportDialog dialog,
    ListingExporter exporter,
    ExportGate gate,
    WapListingDbContext db,
    IOptions<ExportOptions> options,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<ExportListingResult> HandleAsync(ExportListingRequest request, CancellationToken cancellationToken)
    {
        var (criteria, notices) = await criteriaReader.ReadAsync(request.Listing, cancellationToken);
        var settings = ExportSettings.Read(criteria, request.Export);
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var slot = await gate.TryEnterAsync(cancellationToken);
        if (slot is null)
        {
            return Refused(StatusCodes.Status503ServiceUnavailable, await dialog.DescribeAsync(criteria, notices, localizer["Export.Busy"], cancellationToken));
        }

        try
        {
            var rowLimit = options.Value.XlsxRowLimit;
            if (settings.Format == ExportFormat.Xlsx
                && await WapListingQuery.Matching(db, rights, settings.Criteria).Take(rowLimit + 1).CountAsync(cancellationToken) > rowLimit)
            {
                slot.Dispose();
                return Refused(StatusCodes.Status409Conflict, await dialog.DescribeAsync(criteria, notices, localizer["Export.TooManyForXlsx"], cancellationToken));
            }
        }
        catch
        {
            slot.Dispose();
            throw;
        }

        var userId = viewer.UserId;
        var download = new ListingDownload(
            exporter.FileName(settings),
            exporter.ContentType(settings.Format),
            (body, aborted) => exporter.WriteAsync(body, rights, userId, settings, aborted),
            slot);
        return new ExportListingResult(download, null);
    }

    private static ExportListingResult Refused(int statusCode, ExportDialogViewModel dialog) => new(null, new ExportRefusal(statusCode, dialog));
}
