using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Features.Listing;
using WapListing.Web.Identity;

namespace WapListing.Web.Controllers;

[Route("listing")]
public sealed class ListingController(CurrentViewer viewer, ListingCriteriaReader criteriaReader, GetWapListing getWapListing) : Controller
{
    [HttpGet("wap")]
    public async Task<IActionResult> Wap(CancellationToken cancellationToken)
    {
        var (criteria, _) = await criteriaReader.ReadAsync(Request.Query, cancellationToken);
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var rows = await getWapListing.HandleAsync(new GetWapListingQuery(rights, criteria), cancellationToken);
        return View(new WapListingViewModel(rows, viewer.TimeZone, criteria.FirstDay));
    }
}
