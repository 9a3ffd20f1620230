using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;

namespace WapListing.Web.Features.Export;

public sealed record ExportDialogViewModel(
    ListingCriteria Criteria,
    int MatchingRows,
    bool MatchingIsBound,
    int SelectedRows,
    char DefaultDelimiter,
    IReadOnlyList<string> Notices,
    string? Problem);

/// <summary>What the Export dialog states: how many rows the current filter (and the ticked rows) would export.</summary>
public sealed class GetExportDialog(WapListingDbContext db)
{
    private const int CountCap = 1_100_000;

    public async Task<ExportDialogViewModel> HandleAsync(ViewerRights rights, ListingCriteria criteria, IReadOnlyList<string> notices, string? problem, CancellationToken cancellationToken)
    {
        var all = criteria with { Selected = [] };
        var matching = await WapListingQuery.Matching(db, rights, all).Take(CountCap + 1).CountAsync(cancellationToken);
        var selected = criteria.Selected.Count == 0 ? 0 : await WapListingQuery.Matching(db, rights, criteria).CountAsync(cancellationToken);
        return new ExportDialogViewModel(criteria, Math.Min(matching, CountCap), matching > CountCap, selected,
            criteria.Language == "cs" ? ';' : ',', notices, problem);
    }
}
