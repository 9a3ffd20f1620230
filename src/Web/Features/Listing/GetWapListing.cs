using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Listing;

public sealed record GetWapListingQuery(ViewerRights Rights, ListingCriteria Criteria, int PageSize = 50);

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

/// <summary>One page of the WhatsApp listing.</summary>
public sealed class GetWapListing(WapListingDbContext db)
{
    public async Task<IReadOnlyList<WapListingRow>> HandleAsync(GetWapListingQuery query, CancellationToken cancellationToken) =>
        await WapListingQuery.Matching(db, query.Rights, query.Criteria)
            .AsNoTracking()
            .Sorted(query.Criteria)
            .Take(query.PageSize)
            .ToRows()
            .ToListAsync(cancellationToken);
}
