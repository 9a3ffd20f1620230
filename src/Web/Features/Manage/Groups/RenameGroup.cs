using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>A group's new name: unique within its kind, and only over the version the form was loaded at.</summary>
public sealed class RenameGroup(WapListingDbContext db, ManageAudit audit)
{
    public async Task<ManageEditResult> HandleAsync(GroupKind kind, int id, GroupNameRequest request, CancellationToken cancellationToken)
    {
        object? group = kind == GroupKind.User
            ? await db.UserGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken)
            : await db.QueueGroups.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return ManageEditResult.NotFound;
        }

        var name = request.Name!.Trim();
        if (await GroupNames.IsTakenAsync(db, kind, name, exceptId: id, cancellationToken))
        {
            return ManageEditResult.Invalid(nameof(GroupNameRequest.Name), GroupNames.TakenMessage);
        }

        var entry = db.Entry(group);
        entry.Property(nameof(UserGroup.Version)).OriginalValue = request.Version;
        var before = (string)entry.Property(nameof(UserGroup.Name)).CurrentValue!;
        entry.Property(nameof(UserGroup.Name)).CurrentValue = name;
        // Saved even when the name is the same, so a stale form still meets the version check.
        entry.Property(nameof(UserGroup.Name)).IsModified = true;
        if (before != name)
        {
            audit.Record($"{kind.AuditSubject()}.renamed", kind.AuditSubject(), id, new { name = before }, new { name });
        }

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
