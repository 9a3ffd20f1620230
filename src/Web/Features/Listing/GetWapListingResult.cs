using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Listing;

/// <summary>The listing page, or — for a custom range sent as local times — the criteria whose canonical URL names instants.</summary>
public sealed record GetWapListingResult(WapListingViewModel? Page, ListingCriteria? RedirectToCanonical);
