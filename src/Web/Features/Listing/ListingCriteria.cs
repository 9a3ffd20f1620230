namespace WapListing.Web.Features.Listing;

/// <summary>
/// Everything the URL of /listing/wap says about which rows to show and in which order, already
/// validated for the viewer. The listing page, its counts and the export all read the same criteria.
/// </summary>
public sealed record ListingCriteria(DateTimeOffset From, DateTimeOffset To, DateOnly FirstDay, DateOnly LastDay);

/// <summary>Criteria read from a query string, and the notices for whatever in it was dropped.</summary>
public sealed record ListingCriteriaResult(ListingCriteria Criteria, IReadOnlyList<string> Notices);
