using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>
/// A group's members become exactly the ticked users (or queues). Users whose rights name the group see the change
/// on their next request, since rights expand groups to their members when loaded.
/// </summary>
public sealed class SaveGroupMembers(WapListingDbContext db, ManageAudit audit)
{
    public async Task<ManageEditResult> HandleAsync(GroupKind kind, int id, TickedIdsRequest request, CancellationToken cancellationToken)
    {
        var wanted = request.Ids.ToHashSet();
        IReadOnlyList<int> before;
        IReadOnlyList<int> after;
        if (kind == GroupKind.User)
        {
            var group = await db.UserGroups.Include(g => g.Users).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (group is null)
            {
                return ManageEditResult.NotFound;
            }

            db.Entry(group).Property(g => g.Version).OriginalValue = request.Version;
            db.Entry(group).Property(g => g.Name).IsModified = true;
            before = group.Users.Select(u => u.Id).Order().ToList();
            var users = await db.Users.Where(u => wanted.Contains(u.Id)).ToListAsync(cancellationToken);
            Membership.Set(group.Users, users, u => u.Id);
            after = users.Select(u => u.Id).Order().ToList();
        }
        else
        {
            var group = await db.QueueGroups.Include(g => g.Queues).SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
            if (group is null)
            {
                return ManageEditResult.NotFound;
            }

            db.Entry(group).Property(g => g.Version).OriginalValue = request.Version;
            db.Entry(group).Property(g => g.Name).IsModified = true;
            before = group.Queues.Select(q => q.Id).Order().ToList();
            var queues = await db.Queues.Where(q => wanted.Contains(q.Id)).ToListAsync(cancellationToken);
            Membership.Set(group.Queues, queues, q => q.Id);
            after = queues.Select(q => q.Id).Order().ToList();
        }

        if (!before.SequenceEqual(after))
        {
            audit.Record($"{kind.AuditSubject()}.members_changed", kind.AuditSubject(), id, new { members = before }, new { members = after });
        }

        try
        {
            // The group's own row is written too (its name, unchanged), so a stale form meets the version check.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ManageEditResult.Conflict;
        }

        return ManageEditResult.Done(id);
    }
}
