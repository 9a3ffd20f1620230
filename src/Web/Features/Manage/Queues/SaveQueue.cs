using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Manage.Groups;

namespace WapListing.Web.Features.Manage.Queues;

/// <summary>
/// Creates a queue (<paramref name="id"/> null) or saves one over the version its form was loaded at: name, connector,
/// active, external key (unique), and its queue groups — the other side of a queue group's membership, so users whose
/// rights name those groups see the change on their next request.
/// </summary>
public sealed class SaveQueue(WapListingDbContext db, ManageAudit audit)
{
    public async Task<ManageEditResult> HandleAsync(int? id, QueueRequest request, CancellationToken cancellationToken)
    {
        var queue = id is null
            ? new Queue { Name = string.Empty }
            : await db.Queues.Include(q => q.Groups).SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (queue is null)
        {
            return ManageEditResult.NotFound;
        }

        var externalKey = UniqueKeys.Normalise(request.ExternalKey);
        if (externalKey is not null && await db.Queues.AnyAsync(q => q.ExternalKey == externalKey && q.Id != queue.Id, cancellationToken))
        {
            return ManageEditResult.Invalid(nameof(QueueRequest.ExternalKey), UniqueKeys.ExternalKeyTaken);
        }

        if (request.ConnectorId is { } connectorId && !await db.Connectors.AnyAsync(c => c.Id == connectorId, cancellationToken))
        {
            return ManageEditResult.Invalid(nameof(QueueRequest.ConnectorId), "Manage.Queues.ConnectorGone");
        }

        var before = id is null ? null : Snapshot(queue);
        if (id is not null)
        {
            db.Entry(queue).Property(q => q.Version).OriginalValue = request.Version;
            // Written even when nothing but the groups changes, so a stale form always meets the version check.
            db.Entry(queue).Property(q => q.Name).IsModified = true;
        }

        queue.Name = request.Name!.Trim();
        queue.ConnectorId = request.ConnectorId;
        queue.IsActive = request.IsActive;
        queue.ExternalKey = externalKey;
        var wanted = request.GroupIds.ToHashSet();
        Membership.Set(queue.Groups, await db.QueueGroups.Where(g => wanted.Contains(g.Id)).ToListAsync(cancellationToken), g => g.Id);

        try
        {
            if (id is null)
            {
                // The audit entry needs the new id: both inserts in one transaction.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Queues.Add(queue);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record("queue.created", "queue", queue.Id, after: Snapshot(queue));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                var after = Snapshot(queue);
                if (!before!.SameAs(after))
                {
                    audit.Record("queue.updated", "queue", queue.Id, before, after);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return ManageEditResult.Conflict;
        }
        catch (DbUpdateException exception) when (UniqueKeys.ViolatedIndex(exception) is not null)
        {
            return ManageEditResult.Invalid(nameof(QueueRequest.ExternalKey), UniqueKeys.ExternalKeyTaken);
        }

        return ManageEditResult.Done(queue.Id);
    }

    private static QueueSnapshot Snapshot(Queue queue) =>
        new(queue.Name, queue.ConnectorId, queue.IsActive, queue.ExternalKey, queue.Groups.Select(g => g.Id).Order().ToArray());

    /// <summary>What the audit records of a queue: its values and the ids of its queue groups.</summary>
    private sealed record QueueSnapshot(string Name, int? ConnectorId, bool IsActive, string? ExternalKey, int[] GroupIds)
    {
        public bool SameAs(QueueSnapshot other) => this with { GroupIds = other.GroupIds } == other && GroupIds.SequenceEqual(other.GroupIds);
    }
}
