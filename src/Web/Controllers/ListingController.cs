using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Listing;
using WapListing.Web.Identity;

namespace WapListing.Web.Controllers;

[Route("listing")]
public sealed class ListingController(
    CurrentViewer viewer,
    ListingCriteriaReader criteriaReader,
    GetWapListing getWapListing,
    GetListingPickers getPickers,
    IAuthorizationService authorization) : Controller
{
    [HttpGet("wap")]
    public async Task<IActionResult> Wap(CancellationToken cancellationToken)
    {
        var (criteria, notices) = await criteriaReader.ReadAsync(Request.Query, cancellationToken);
        if (criteria.Preset == TimePreset.Custom && !CarriesOffsets())
        {
            // The form sends local times; the shared URL must name instants, so state them with their offsets.
            return Redirect(ListingUrl.For(criteria));
        }

        var rights = await viewer.GetRightsAsync(cancellationToken);
        var page = await getWapListing.HandleAsync(new GetWapListingQuery(rights, criteria), cancellationToken);
        var pickers = await getPickers.HandleAsync(rights, criteria, cancellationToken);
        var canExport = (await authorization.AuthorizeAsync(User, Policies.Export)).Succeeded;
        return View(new WapListingViewModel(criteria with { Page = page.Page }, page, pickers, notices, canExport));
    }

    private bool CarriesOffsets() =>
        new[] { Request.Query["from"].ToString(), Request.Query["to"].ToString() }
            .All(value => value.EndsWith('Z') || value.Length > 6 && value[^6] is '+' or '-');
}
