using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// Keeps only the picked users, user groups, queues, queue groups and connector the viewer may use (DESIGN §4: ids in
/// a URL that the viewer may not use are dropped from the filter with a notice, never answered). One round trip.
/// </summary>
public sealed class PickedIdsRightsCheck(WapListingDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public async Task<ListingCriteria> KeepPermittedAsync(ListingCriteria criteria, ViewerRights rights, List<string> notices, CancellationToken cancellationToken)
    {
        var users = criteria.UserIds.ToArray();
        var userGroups = criteria.UserGroupIds.ToArray();
        var queues = criteria.QueueIds.ToArray();
        var queueGroups = criteria.QueueGroupIds.ToArray();
        int[] connector = criteria.ConnectorId is { } connectorId ? [connectorId] : [];
        var picked = users.Length + userGroups.Length + queues.Length + queueGroups.Length + connector.Length;
        if (picked == 0)
        {
            return criteria;
        }

        var permittedUsers = db.Users.PermittedTo(rights).Select(u => u.Id);
        var permittedQueues = db.Queues.PermittedTo(rights).Select(q => q.Id);
        var usable = await db.Users.Where(u => users.Contains(u.Id) && permittedUsers.Contains(u.Id)).Select(u => new { Kind = ListingParameterNames.User, u.Id })
            .Concat(db.UserGroups.Where(g => userGroups.Contains(g.Id) && g.Users.Any(u => permittedUsers.Contains(u.Id))).Select(g => new { Kind = ListingParameterNames.UserGroup, g.Id }))
            .Concat(db.Queues.Where(q => queues.Contains(q.Id) && permittedQueues.Contains(q.Id)).Select(q => new { Kind = ListingParameterNames.Queue, q.Id }))
            .Concat(db.QueueGroups.Where(g => queueGroups.Contains(g.Id) && g.Queues.Any(q => permittedQueues.Contains(q.Id))).Select(g => new { Kind = ListingParameterNames.QueueGroup, g.Id }))
            .Concat(db.Connectors.Where(c => connector.Contains(c.Id)).Select(c => new { Kind = ListingParameterNames.Connector, c.Id }))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        int[] Kept(string kind) => usable.Where(p => p.Kind == kind).Select(p => p.Id).ToArray();
        var dropped = picked - usable.Count;
        if (dropped > 0)
        {
            notices.Add(localizer.Plural("Notice.DroppedIds", dropped));
        }

        return criteria with
        {
            UserIds = Kept(ListingParameterNames.User),
            UserGroupIds = Kept(ListingParameterNames.UserGroup),
            QueueIds = Kept(ListingParameterNames.Queue),
            QueueGroupIds = Kept(ListingParameterNames.QueueGroup),
            ConnectorId = Kept(ListingParameterNames.Connector).Cast<int?>().FirstOrDefault(),
        };
    }
}
