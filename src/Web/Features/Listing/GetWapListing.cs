using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Listing;

public sealed record GetWapListingQuery(ViewerRights Rights, DateTimeOffset From, DateTimeOffset To, int PageSize = 50);

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

/// <summary>The WhatsApp listing's rows: visible to the viewer, in the time range, newest first.</summary>
public sealed class GetWapListing(WapListingDbContext db)
{
    public async Task<IReadOnlyList<WapListingRow>> HandleAsync(GetWapListingQuery query, CancellationToken cancellationToken)
    {
        return await db.Interactions.AsNoTracking()
            .VisibleTo(query.Rights)
            .Where(i => i.Time >= query.From && i.Time < query.To)
            .OrderByDescending(i => i.Time).ThenByDescending(i => i.Id)
            .Take(query.PageSize)
            .Select(i => new WapListingRow(
                i.Id,
                i.Name,
                i.Time,
                i.Queue != null ? i.Queue.Name : null,
                i.User != null ? i.User.DisplayName : null,
                i.ContactId,
                i.Contact != null ? i.Contact.Name : null,
                i.WhatsAppContact,
                i.Answered,
                i.WaitTime,
                i.Duration,
                i.EndedBy,
                i.Connector != null ? i.Connector.Name : null,
                i.MissedState,
                i.MissedTime,
                i.AnonymizedAt != null))
            .ToListAsync(cancellationToken);
    }
}
