using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Listing;

/// <summary>
/// The one query behind the WhatsApp listing: the rows the viewer may see (DESIGN §4), filtered and
/// sorted by the criteria (DESIGN §5), projected to listing rows. The page adds paging; the export streams it whole.
/// </summary>
public static class WapListingQuery
{
    public static IQueryable<Interaction> Matching(WapListingDbContext db, ViewerRights rights, ListingCriteria criteria) =>
        db.Interactions
            .VisibleTo(rights)
            .Where(i => i.Time >= criteria.From && i.Time < criteria.To);

    public static IOrderedQueryable<Interaction> Sorted(this IQueryable<Interaction> interactions, ListingCriteria criteria)
    {
        _ = criteria;
        return interactions.OrderByDescending(i => i.Time).ThenByDescending(i => i.Id);
    }

    public static IQueryable<WapListingRow> ToRows(this IQueryable<Interaction> interactions) =>
        interactions.Select(i => new WapListingRow(
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
            i.AnonymizedAt != null));
}
