using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>A new, empty user or queue group; its name must not be taken.</summary>
public sealed class CreateGroup(WapListingDbContext db, ManageAudit audit)
{
    public async Task<ManageEditResult> HandleAsync(GroupKind kind, GroupNameRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (await GroupNames.IsTakenAsync(db, kind, name, exceptId: 0, cancellationToken))
        {
            return ManageEditResult.Invalid(nameof(GroupNameRequest.Name), GroupNames.TakenMessage);
        }

        // The audit entry needs the new id: both inserts in one transaction, saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        int id;
        if (kind == GroupKind.User)
        {
            var group = new UserGroup { Name = name };
            db.UserGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            id = group.Id;
        }
        else
        {
            var group = new QueueGroup { Name = name };
            db.QueueGroups.Add(group);
            await db.SaveChangesAsync(cancellationToken);
            id = group.Id;
        }

        audit.Record($"{kind.AuditSubject()}.created", kind.AuditSubject(), id, after: new { name });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ManageEditResult.Done(id);
    }
}
