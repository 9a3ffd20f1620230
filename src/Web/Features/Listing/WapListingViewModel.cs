using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Listing;

public sealed record WapListingViewModel(
    ListingCriteria Criteria,
    WapListingPage Page,
    IReadOnlyList<PickerOption> Pickers,
    IReadOnlyList<string> Notices,
    bool CanExport)
{
    public IEnumerable<PickerOption> Options(PickerKind kind) => Pickers.Where(p => p.Kind == kind);
}
