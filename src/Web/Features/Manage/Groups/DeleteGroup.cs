using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>
/// Deletes a group with its memberships and the lines of users' rights that name it, so those users stop seeing what
/// the group gave them on their next request. The database would cascade the rights lines too (their foreign key is
/// ON DELETE CASCADE); they are removed here explicitly so the audit entry names every user whose rights changed.
/// </summary>
public sealed class DeleteGroup(WapListingDbContext db, ManageAudit audit)
{
    public async Task<ManageEditResult> HandleAsync(GroupKind kind, int id, uint version, CancellationToken cancellationToken)
    {
        object? group = kind == GroupKind.User
            ? await db.UserGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
            : await db.QueueGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return ManageEditResult.NotFound;
        }

        var entry = db.Entry(group);
        entry.Property(nameof(UserGroup.Version)).OriginalValue = version;
        var members = kind == GroupKind.User
            ? await db.UserGroups.Where(g => g.Id == id).SelectMany(g => g.Users.Select(u => u.Id)).Order().ToListAsync(cancellationToken)
            : await db.QueueGroups.Where(g => g.Id == id).SelectMany(g => g.Queues.Select(q => q.Id)).Order().ToListAsync(cancellationToken);
        var grants = await GroupGrants.Of(db, kind, id).ToListAsync(cancellationToken);
        db.RightsGrants.RemoveRange(grants);
        entry.State = EntityState.Deleted;
        audit.Record(
            $"{kind.AuditSubject()}.deleted",
            kind.AuditSubject(),
            id,
            new
            {
                name = (string)entry.Property(nameof(UserGroup.Name)).CurrentValue!,
                members,
                rightsOf = grants.Select(g => g.ViewerId).Distinct().Order().ToList(),
            });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ManageEditResult.Conflict;
        }

        return ManageEditResult.Done(id);
    }
}
