using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Listing;

/// <summary>One page of the listing's query and the totals of its filtered set: two round trips.</summary>
public sealed class ListingPageQuery(WapListingDbContext db, IOptions<ListingOptions> options)
{
    public async Task<WapListingPage> LoadAsync(ViewerRights rights, ListingCriteria criteria, CancellationToken cancellationToken)
    {
        var countCap = options.Value.CountCap;
        var matching = WapListingQuery.Matching(db, rights, criteria).AsNoTracking();

        var totals = await matching
            .OrderByDescending(i => i.Time)
            .Take(countCap + 1)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Drafts = g.Count(i => i.IsDraft),
                Answered = g.Count(i => i.Answered && !i.IsDraft),
                Missed = g.Count(i => i.MissedState != MissedState.None && !i.IsDraft),
                AverageWait = g.Average(i => i.IsDraft ? null : (double?)i.WaitTime),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var listingTotals = totals is null
            ? new ListingTotals(0, 0, 0, 0, null, false)
            : new ListingTotals(
                Math.Min(totals.Count, countCap), Math.Min(totals.Count, countCap) - totals.Drafts, totals.Answered, totals.Missed, totals.AverageWait, totals.Count > countCap);

        var page = criteria.Page;
        if (!listingTotals.IsBound)
        {
            var lastPage = Math.Max(1, (listingTotals.Rows + criteria.PageSize - 1) / criteria.PageSize);
            page = Math.Min(page, lastPage);
        }

        var rows = await matching
            .Page(db, rights, criteria, (page - 1) * criteria.PageSize, criteria.PageSize)
            .ToRows(withPairing: true)
            .ToListAsync(cancellationToken);
        return new WapListingPage(rows, listingTotals, page, countCap);
    }
}
