using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Controllers;

/// <summary>Listings → Interactions → WhatsApp (DESIGN §5).</summary>
[Route("listing")]
public sealed class ListingController(GetWapListing getWapListing) : Controller
{
    [HttpGet("wap")]
    public async Task<IActionResult> Wap([FromQuery] ListingParameters parameters, CancellationToken cancellationToken)
    {
        var result = await getWapListing.HandleAsync(new GetWapListingRequest(parameters), cancellationToken);
        return result.RedirectToCanonical is { } canonical ? Redirect(Url.Listing(canonical)) : View(result.Page);
    }
}
