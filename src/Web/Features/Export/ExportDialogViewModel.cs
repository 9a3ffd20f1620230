using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Export;

public sealed record ExportDialogViewModel(
    ListingCriteria Criteria,
    int MatchingRows,
    bool MatchingIsBound,
    int SelectedRows,
    char DefaultDelimiter,
    IReadOnlyList<string> Notices,
    string? Problem);
