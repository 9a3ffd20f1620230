using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>
/// The user's user groups become exactly the ticked ones: membership from the user's side, with the same effect on
/// what the users whose rights name those groups see.
/// </summary>
public sealed class SaveUserGroups(WapListingDbContext db, ManageAudit audit)
{
    public async Task<ManageEditResult> HandleAsync(int userId, TickedIdsRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Users.Include(u => u.Groups).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return ManageEditResult.NotFound;
        }

        db.Entry(user).Property(u => u.Version).OriginalValue = request.Version;
        // The user's own row is written too (an unchanged column), so a stale form meets the version check.
        db.Entry(user).Property(u => u.DisplayName).IsModified = true;
        var wanted = request.Ids.ToHashSet();
        var before = user.Groups.Select(g => g.Id).Order().ToList();
        var groups = await db.UserGroups.Where(g => wanted.Contains(g.Id)).ToListAsync(cancellationToken);
        Membership.Set(user.Groups, groups, g => g.Id);
        var after = groups.Select(g => g.Id).Order().ToList();
        if (!before.SequenceEqual(after))
        {
            audit.Record("user.groups_changed", "user", userId, new { userGroups = before }, new { userGroups = after });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ManageEditResult.Conflict;
        }

        return ManageEditResult.Done(userId);
    }
}
