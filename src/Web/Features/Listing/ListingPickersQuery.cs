using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Listing;

/// <summary>
/// What the filter pickers offer: only users and queues the viewer may use (groups with at least one
/// of them), deactivated ones too: the page shows those only with the crossed-eye toggle (or when already picked),
/// and its script flips them at once. At most one round trip per request: the check of picked ids
/// (<see cref="Criteria.PickedIdsRightsCheck"/>) and the Sender filter's connectors (<see cref="Criteria.ListingCriteriaReader"/>)
/// ask the same list. The list is kept between requests under the viewer's rights, language and the catalog's version
/// that this request's sign-in check read (migration CatalogVersion): any change to users, queues, their groups or
/// connectors raises the version when it commits, and a rights change changes the rights, so a kept list never
/// outlives either.
/// </summary>
public sealed class ListingPickersQuery(WapListingDbContext db, IMemoryCache cache, CurrentViewer viewer)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private (ViewerRights Rights, IReadOnlyList<PickerOption> Options)? _loaded;

    public async Task<IReadOnlyList<PickerOption>> LoadAsync(ViewerRights rights, CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded && ReferenceEquals(loaded.Rights, rights))
        {
            return loaded.Options;
        }

        var options = viewer.CatalogVersion is { } version
            ? await cache.GetOrCreateAsync(new CacheKey(version, CultureInfo.CurrentCulture.Name, rights.AllQueues, rights.AllUsers,
                string.Join(',', rights.QueueIds.Order()), string.Join(',', rights.UserIds.Order())), entry =>
                {
                    entry.AbsoluteExpirationRelativeToNow = KeptFor;
                    return ReadAsync(rights, cancellationToken);
                }) ?? []
            : await ReadAsync(rights, cancellationToken);
        _loaded = (rights, options);
        return options;
    }

    private sealed record CacheKey(long CatalogVersion, string Culture, bool AllQueues, bool AllUsers, string QueueIds, string UserIds);

    private async Task<IReadOnlyList<PickerOption>> ReadAsync(ViewerRights rights, CancellationToken cancellationToken)
    {
        var users = db.Users.PermittedTo(rights);
        var queues = db.Queues.PermittedTo(rights);
        var userIds = users.Select(u => u.Id);
        var queueIds = queues.Select(q => q.Id);

        var options = await users
            .Select(u => new { Kind = (int)PickerKind.User, u.Id, Name = u.DisplayName, IsActive = u.IsActive, PhoneNumber = (string?)null })
            .Concat(db.UserGroups.Where(g => g.Users.Any(u => userIds.Contains(u.Id)))
                .Select(g => new { Kind = (int)PickerKind.UserGroup, g.Id, Name = g.Name, IsActive = true, PhoneNumber = (string?)null }))
            .Concat(queues.Select(q => new { Kind = (int)PickerKind.Queue, q.Id, Name = q.Name, IsActive = q.IsActive, PhoneNumber = (string?)null }))
            .Concat(db.QueueGroups.Where(g => g.Queues.Any(q => queueIds.Contains(q.Id)))
                .Select(g => new { Kind = (int)PickerKind.QueueGroup, g.Id, Name = g.Name, IsActive = true, PhoneNumber = (string?)null }))
            .Concat(db.Connectors.Select(c => new { Kind = (int)PickerKind.Connector, c.Id, Name = c.Name, IsActive = c.IsActive, PhoneNumber = (string?)c.PhoneNumber }))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var comparer = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        return options
            .Select(o => new PickerOption((PickerKind)o.Kind, o.Id, o.Name, o.IsActive, o.PhoneNumber))
            .OrderBy(o => o.Kind).ThenBy(o => o.Name, comparer)
            .ToList();
    }
}
