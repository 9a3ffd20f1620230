using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>A user or queue that can be ticked as a member (or a group that can be ticked for a user, a queue).</summary>
public sealed record TickOption(int Id, string Name, string? Detail, bool IsActive, bool IsTicked);

/// <summary>A group's page: its name (rename form), its members to tick, and how many users' rights refer to it.</summary>
public sealed record GroupPage(
    GroupKind Kind,
    int Id,
    string Name,
    uint Version,
    IReadOnlyList<TickOption> Candidates,
    bool ShowDeactivated,
    int HiddenDeactivated,
    int ViewersReferencing);

/// <summary>
/// The group's page. Deactivated users or queues are offered only when asked for, except the ones already members:
/// those stay visible (and can be unticked) so saving never drops a member nobody saw.
/// </summary>
public sealed class GetGroup(WapListingDbContext db)
{
    public async Task<GroupPage?> HandleAsync(GroupKind kind, int id, bool showDeactivated, CancellationToken cancellationToken)
    {
        var group = kind == GroupKind.User
            ? await db.UserGroups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name, g.Version }).SingleOrDefaultAsync(cancellationToken)
            : await db.QueueGroups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name, g.Version }).SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var all = kind == GroupKind.User
            ? await db.Users.AsNoTracking()
                .Select(u => new TickOption(u.Id, u.DisplayName, u.UserName, u.IsActive, u.Groups.Any(g => g.Id == id)))
                .ToListAsync(cancellationToken)
            : await db.Queues.AsNoTracking()
                .Select(q => new TickOption(q.Id, q.Name, q.ExternalKey, q.IsActive, q.Groups.Any(g => g.Id == id)))
                .ToListAsync(cancellationToken);
        var viewers = await GroupGrants.Of(db, kind, id).Select(g => g.ViewerId).Distinct().CountAsync(cancellationToken);

        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var shown = all.Where(o => o.IsActive || o.IsTicked || showDeactivated)
            .OrderBy(o => o.Name, order)
            .ThenBy(o => o.Id)
            .ToList();
        return new GroupPage(kind, id, group.Name, group.Version, shown, showDeactivated, all.Count - shown.Count, viewers);
    }
}
