using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Export;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Controllers;

/// <summary>The Export dialog and the download it leads to, over the listing's own query string (DESIGN §7).</summary>
[Route("listing/wap/export")]
[Authorize(Policy = Policies.Export)]
public sealed class ExportController(GetExportDialog getDialog, ExportListing exportListing) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Dialog([FromQuery] ListingParameters listing, CancellationToken cancellationToken) =>
        View(await getDialog.HandleAsync(new GetExportDialogRequest(listing), cancellationToken));

    [HttpGet("download")]
    public async Task<IActionResult> Download([FromQuery] ListingParameters listing, [FromQuery] ExportParameters export, CancellationToken cancellationToken)
    {
        var result = await exportListing.HandleAsync(new ExportListingRequest(listing, export), cancellationToken);
        if (result.Download is { } download)
        {
            return new ListingDownloadResult(download);
        }

        var refusal = result.Refusal!;
        Response.StatusCode = refusal.StatusCode;
        if (refusal.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "30";
        }

        return View(nameof(Dialog), refusal.Dialog);
    }
}
