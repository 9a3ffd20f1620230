using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>What deleting a group takes away: its members, and the rights of the users whose rights name it.</summary>
public sealed record GroupDeletionPage(GroupKind Kind, int Id, string Name, uint Version, int MemberCount, int ViewersReferencing);

public sealed class GetGroupDeletion(WapListingDbContext db)
{
    public async Task<GroupDeletionPage?> HandleAsync(GroupKind kind, int id, CancellationToken cancellationToken)
    {
        var group = kind == GroupKind.User
            ? await db.UserGroups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name, g.Version, Members = g.Users.Count }).SingleOrDefaultAsync(cancellationToken)
            : await db.QueueGroups.AsNoTracking().Where(g => g.Id == id).Select(g => new { g.Name, g.Version, Members = g.Queues.Count }).SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var viewers = await GroupGrants.Of(db, kind, id).Select(g => g.ViewerId).Distinct().CountAsync(cancellationToken);
        return new GroupDeletionPage(kind, id, group.Name, group.Version, group.Members, viewers);
    }
}
