using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Export;
using WapListing.Web.Features.Listing;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Controllers;

/// <summary>The Export dialog and the download it leads to, over the listing's own query string.</summary>
[Route("listing/wap/export")]
[Authorize(Policy = Policies.Export)]
public sealed class ExportController(
    CurrentViewer viewer,
    ListingCriteriaReader criteriaReader,
    GetExportDialog getDialog,
    ListingExporter exporter,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Dialog(CancellationToken cancellationToken)
    {
        var (criteria, notices) = await criteriaReader.ReadAsync(Request.Query, cancellationToken);
        var rights = await viewer.GetRightsAsync(cancellationToken);
        return View(await getDialog.HandleAsync(rights, criteria, notices, null, cancellationToken));
    }

    [HttpGet("download")]
    public async Task<IActionResult> Download(CancellationToken cancellationToken)
    {
        var (criteria, notices) = await criteriaReader.ReadAsync(Request.Query, cancellationToken);
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var request = ExportRequest.Read(Request.Query, criteria);
        var outcome = await exporter.WriteAsync(Response, rights, viewer.UserId, request, HttpContext.RequestAborted);
        switch (outcome)
        {
            case ExportOutcome.Written:
                return new EmptyResult();
            case ExportOutcome.Busy:
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "30";
                return View("Dialog", await getDialog.HandleAsync(rights, criteria, notices, localizer["Export.Busy"], cancellationToken));
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Dialog", await getDialog.HandleAsync(rights, criteria, notices, localizer["Export.TooManyForXlsx"], cancellationToken));
        }
    }
}
