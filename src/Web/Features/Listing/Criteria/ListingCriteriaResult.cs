namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>Criteria read from a query string and the notices for whatever in it was dropped.</summary>
public sealed record ListingCriteriaResult(ListingCriteria Criteria, IReadOnlyList<string> Notices);
