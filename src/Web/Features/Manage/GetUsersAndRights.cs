using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage;

public sealed record GetUsersAndRightsRequest;

/// <summary>The administrators' read-only overview of users and their rights: two queries, whatever the number of users.</summary>
public sealed class GetUsersAndRights(WapListingDbContext db)
{
    public async Task<IReadOnlyList<UserRightsRow>> HandleAsync(GetUsersAndRightsRequest request, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Role, u.IsActive, u.TimeZoneId, u.Language, u.RightsAllUsers, u.RightsAllQueues })
            .ToListAsync(cancellationToken);
        var grants = await db.RightsGrants.AsNoTracking()
            .Select(g => new
            {
                g.ViewerId,
                User = db.Users.Where(x => x.Id == g.UserId).Select(x => x.DisplayName).FirstOrDefault(),
                UserGroup = db.UserGroups.Where(x => x.Id == g.UserGroupId).Select(x => x.Name).FirstOrDefault(),
                Queue = db.Queues.Where(x => x.Id == g.QueueId).Select(x => x.Name).FirstOrDefault(),
                QueueGroup = db.QueueGroups.Where(x => x.Id == g.QueueGroupId).Select(x => x.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var byViewer = grants.ToLookup(g => g.ViewerId);
        return users
            .OrderBy(u => u.DisplayName, order)
            .ThenBy(u => u.Id)
            .Select(u =>
            {
                var mine = byViewer[u.Id].ToList();
                IReadOnlyList<string> Sorted(IEnumerable<string?> names) => names.OfType<string>().Order(order).ToList();
                return new UserRightsRow(
                    u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Role, u.IsActive, u.TimeZoneId, u.Language,
                    u.RightsAllUsers, u.RightsAllQueues,
                    Sorted(mine.Select(g => g.User)), Sorted(mine.Select(g => g.UserGroup)),
                    Sorted(mine.Select(g => g.Queue)), Sorted(mine.Select(g => g.QueueGroup)));
            })
            .ToList();
    }
}
