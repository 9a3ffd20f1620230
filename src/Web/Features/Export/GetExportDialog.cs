using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Export;

public sealed record GetExportDialogRequest(ListingParameters Parameters);

/// <summary>The Export dialog over the listing's criteria: how many rows the filter (and the ticked rows) would export.</summary>
public sealed class GetExportDialog(CurrentViewer viewer, ListingCriteriaReader criteriaReader, WapListingDbContext db)
{
    private const int CountCap = 1_100_000;

    public async Task<ExportDialogViewModel> HandleAsync(GetExportDialogRequest request, CancellationToken cancellationToken)
    {
        var (criteria, notices) = await criteriaReader.ReadAsync(request.Parameters, cancellationToken);
        return await DescribeAsync(criteria, notices, null, cancellationToken);
    }

    /// <summary>The dialog for criteria already read, with a problem to state (an export that was refused).</summary>
    public async Task<ExportDialogViewModel> DescribeAsync(ListingCriteria criteria, IReadOnlyList<string> notices, string? problem, CancellationToken cancellationToken)
    {
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var all = criteria with { Selected = [] };
        var matching = await WapListingQuery.Matching(db, rights, all).Take(CountCap + 1).CountAsync(cancellationToken);
        var selected = criteria.Selected.Count == 0 ? 0 : await WapListingQuery.Matching(db, rights, criteria).CountAsync(cancellationToken);
        return new ExportDialogViewModel(criteria, Math.Min(matching, CountCap), matching > CountCap, selected,
            ExportSettings.DefaultDelimiter(criteria.Language), notices, problem);
    }
}
