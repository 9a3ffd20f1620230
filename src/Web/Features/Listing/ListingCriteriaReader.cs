using WapListing.Web.Identity;

namespace WapListing.Web.Features.Listing;

/// <summary>Reads the listing's URL into <see cref="ListingCriteria"/>: sane defaults, never an exception.</summary>
public sealed class ListingCriteriaReader(CurrentViewer viewer, TimeProvider clock)
{
    public Task<ListingCriteriaResult> ReadAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        _ = query;
        _ = cancellationToken;
        var zone = viewer.TimeZone;
        var today = LocalDay.Today(clock, zone);
        var (from, to) = LocalDay.Range(today, today, zone);
        return Task.FromResult(new ListingCriteriaResult(new ListingCriteria(from, to, today, today), []));
    }
}
