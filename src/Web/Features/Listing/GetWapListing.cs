using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Listing;

public sealed record GetWapListingQuery(ViewerRights Rights, ListingCriteria Criteria);

public sealed record WapListingRow(
    long Id,
    string Name,
    DateTimeOffset Time,
    string? Queue,
    string? User,
    int? ContactId,
    string? Contact,
    string? WhatsAppContact,
    bool Answered,
    int WaitTime,
    int Duration,
    EndedBy? EndedBy,
    string? Connector,
    MissedState MissedState,
    DateTimeOffset? MissedTime,
    bool Anonymized);

/// <summary>
/// Totals of the filtered set. Counting stops at the cap (10 000 by default): beyond it the count
/// is shown as a bound ("10 000+") and the other totals describe the newest rows up to the cap.
/// </summary>
public sealed record ListingTotals(int Interactions, int Answered, int Missed, double? AverageWait, bool IsBound);

public sealed record WapListingPage(IReadOnlyList<WapListingRow> Rows, ListingTotals Totals, int Page, int CountCap);

/// <summary>One page of the WhatsApp listing and the totals of its filtered set: two round trips.</summary>
public sealed class GetWapListing(WapListingDbContext db, IConfiguration configuration)
{
    public const int DefaultCountCap = 10_000;

    /// <summary>Counting stops here (Listing:CountCap) so huge ranges stay fast.</summary>
    public int CountCap { get; } = Math.Max(1, configuration.GetValue("Listing:CountCap", DefaultCountCap));

    public async Task<WapListingPage> HandleAsync(GetWapListingQuery query, CancellationToken cancellationToken)
    {
        var criteria = query.Criteria;
        var matching = WapListingQuery.Matching(db, query.Rights, criteria).AsNoTracking();

        var totals = await matching
            .OrderByDescending(i => i.Time)
            .Take(CountCap + 1)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Count = g.Count(),
                Answered = g.Count(i => i.Answered),
                Missed = g.Count(i => i.MissedState != MissedState.None),
                AverageWait = g.Average(i => (double?)i.WaitTime),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var listingTotals = totals is null
            ? new ListingTotals(0, 0, 0, null, false)
            : new ListingTotals(Math.Min(totals.Count, CountCap), totals.Answered, totals.Missed, totals.AverageWait, totals.Count > CountCap);

        var page = criteria.Page;
        if (!listingTotals.IsBound)
        {
            var lastPage = Math.Max(1, (listingTotals.Interactions + criteria.PageSize - 1) / criteria.PageSize);
            page = Math.Min(page, lastPage);
        }

        var rows = await matching
            .Sorted(criteria)
            .Skip((page - 1) * criteria.PageSize)
            .Take(criteria.PageSize)
            .ToRows()
            .ToListAsync(cancellationToken);
        return new WapListingPage(rows, listingTotals, page, CountCap);
    }
}
