namespace WapListing.Web.Features.Listing;

/// <summary>One page of rows with the totals of the whole filtered set; <see cref="Page"/> is the page actually shown.</summary>
public sealed record WapListingPage(IReadOnlyList<WapListingRow> Rows, ListingTotals Totals, int Page, int CountCap);
