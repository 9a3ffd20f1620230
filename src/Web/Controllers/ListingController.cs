using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Features.Listing;
using WapListing.Web.Identity;

namespace WapListing.Web.Controllers;

[Route("listing")]
public sealed class ListingController(CurrentViewer viewer, GetWapListing getWapListing, TimeProvider clock) : Controller
{
    [HttpGet("wap")]
    public async Task<IActionResult> Wap(CancellationToken cancellationToken)
    {
        var zone = viewer.TimeZone;
        var today = LocalDay.Today(clock, zone);
        var (from, to) = LocalDay.Range(today, today, zone);
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var rows = await getWapListing.HandleAsync(new GetWapListingQuery(rights, from, to), cancellationToken);
        return View(new WapListingViewModel(rows, zone, today));
    }
}
