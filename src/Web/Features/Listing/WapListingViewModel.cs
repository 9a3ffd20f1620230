namespace WapListing.Web.Features.Listing;

public sealed record WapListingViewModel(
    IReadOnlyList<WapListingRow> Rows,
    TimeZoneInfo TimeZone,
    DateOnly Day);
