using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

public sealed record GroupRow(int Id, string Name, int MemberCount);

public sealed record GroupListPage(GroupKind Kind, IReadOnlyList<GroupRow> Groups);

/// <summary>The user groups or the queue groups with their number of members, by name in the viewer's language.</summary>
public sealed class ListGroups(WapListingDbContext db)
{
    public async Task<GroupListPage> HandleAsync(GroupKind kind, CancellationToken cancellationToken)
    {
        var rows = kind == GroupKind.User
            ? await db.UserGroups.AsNoTracking().Select(g => new GroupRow(g.Id, g.Name, g.Users.Count)).ToListAsync(cancellationToken)
            : await db.QueueGroups.AsNoTracking().Select(g => new GroupRow(g.Id, g.Name, g.Queues.Count)).ToListAsync(cancellationToken);
        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return new GroupListPage(kind, rows.OrderBy(r => r.Name, order).ThenBy(r => r.Id).ToList());
    }
}
