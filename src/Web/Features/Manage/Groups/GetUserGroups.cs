using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>Manage → Users → the user → Groups: the user groups to tick for this user.</summary>
public sealed record UserGroupsPage(int UserId, string DisplayName, string UserName, uint Version, IReadOnlyList<TickOption> Groups);

public sealed class GetUserGroups(WapListingDbContext db)
{
    public async Task<UserGroupsPage?> HandleAsync(int userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.UserName, u.Version })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var groups = await db.UserGroups.AsNoTracking()
            .Select(g => new TickOption(g.Id, g.Name, null, true, g.Users.Any(u => u.Id == userId)))
            .ToListAsync(cancellationToken);
        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return new UserGroupsPage(
            userId, user.DisplayName, user.UserName ?? string.Empty, user.Version, groups.OrderBy(g => g.Name, order).ThenBy(g => g.Id).ToList());
    }
}
