using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Listing;

/// <summary>The listing page. <see cref="CanPair"/>: the viewer's role may pair contacts (the rows' <b>+</b> also needs the row's own <see cref="WapListingRow.CanPair"/>).</summary>
public sealed record WapListingViewModel(
    ListingCriteria Criteria,
    WapListingPage Page,
    IReadOnlyList<PickerOption> Pickers,
    IReadOnlyList<string> Notices,
    bool CanExport,
    bool CanPair)
{
    /// <summary>Whether the row's Contact cell offers the <b>+</b> that opens the detail's pair panel.</summary>
    public bool ShowsPairButton(WapListingRow row) => CanPair && row.CanPair && row.Contact is null;

    public IEnumerable<PickerOption> Options(PickerKind kind) => Pickers.Where(p => p.Kind == kind);
}
