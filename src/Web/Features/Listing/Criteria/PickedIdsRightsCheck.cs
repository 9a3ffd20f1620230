using Microsoft.Extensions.Localization;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// Keeps only the picked users, user groups, queues, queue groups and connector the viewer may use (DESIGN §4: ids in
/// a URL that the viewer may not use are dropped from the filter with a notice, never answered). What may be used is
/// exactly what the filter pickers offer (<see cref="ListingPickersQuery"/>), so the check reads that list, which the
/// listing page shows anyway: no round trip of its own.
/// </summary>
public sealed class PickedIdsRightsCheck(ListingPickersQuery pickers, IStringLocalizer<SharedResource> localizer)
{
    public async Task<ListingCriteria> KeepPermittedAsync(ListingCriteria criteria, ViewerRights rights, List<string> notices, CancellationToken cancellationToken)
    {
        var picked = criteria.UserIds.Count + criteria.UserGroupIds.Count + criteria.QueueIds.Count + criteria.QueueGroupIds.Count
            + (criteria.ConnectorId is null ? 0 : 1);
        if (picked == 0)
        {
            return criteria;
        }

        var usable = (await pickers.LoadAsync(rights, cancellationToken)).Select(o => (o.Kind, o.Id)).ToHashSet();
        int[] Kept(PickerKind kind, IEnumerable<int> ids) => ids.Distinct().Where(id => usable.Contains((kind, id))).ToArray();
        var users = Kept(PickerKind.User, criteria.UserIds);
        var userGroups = Kept(PickerKind.UserGroup, criteria.UserGroupIds);
        var queues = Kept(PickerKind.Queue, criteria.QueueIds);
        var queueGroups = Kept(PickerKind.QueueGroup, criteria.QueueGroupIds);
        var connector = criteria.ConnectorId is { } connectorId ? Kept(PickerKind.Connector, [connectorId]) : [];
        var dropped = picked - users.Length - userGroups.Length - queues.Length - queueGroups.Length - connector.Length;
        if (dropped > 0)
        {
            notices.Add(localizer.Plural("Notice.DroppedIds", dropped));
        }

        return criteria with
        {
            UserIds = users,
            UserGroupIds = userGroups,
            QueueIds = queues,
            QueueGroupIds = queueGroups,
            ConnectorId = connector.Cast<int?>().FirstOrDefault(),
        };
    }
}
