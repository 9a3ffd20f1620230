using WapListing.Web.Authorization;
using WapListing.Web.Features.Listing.Criteria;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Listing;

public sealed record GetWapListingRequest(ListingParameters Parameters);

/// <summary>The WhatsApp listing (DESIGN §5): criteria for the viewer, one page with its totals, the filter pickers.</summary>
public sealed class GetWapListing(
    CurrentViewer viewer,
    ListingCriteriaReader criteriaReader,
    ListingPageQuery pageQuery,
    ListingPickersQuery pickersQuery,
    ViewerAccess access)
{
    public async Task<GetWapListingResult> HandleAsync(GetWapListingRequest request, CancellationToken cancellationToken)
    {
        var (criteria, notices) = await criteriaReader.ReadAsync(request.Parameters, cancellationToken);
        if (criteria.Preset == TimePreset.Custom && !request.Parameters.RangeCarriesOffsets)
        {
            return new GetWapListingResult(null, criteria);
        }

        var rights = await viewer.GetRightsAsync(cancellationToken);
        var page = await pageQuery.LoadAsync(rights, criteria, cancellationToken);
        var pickers = await pickersQuery.LoadAsync(rights, cancellationToken);
        var model = new WapListingViewModel(criteria with { Page = page.Page }, page, pickers, notices,
            CanExport: await access.CanExportAsync(), CanPair: await access.CanEditInteractionsAsync());
        return new GetWapListingResult(model, null);
    }
}
