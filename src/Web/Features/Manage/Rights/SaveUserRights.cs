using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Rights;

public enum SaveRightsOutcome
{
    Saved,
    NotFound,
    Conflict,
    UnknownIds,
}

/// <summary>
/// Saves a user's Rights tabs: the "all" switches and the grants replaced in one transaction, audited as
/// <c>rights.updated</c> with the ids before and after. The user row is updated even when only grants change, so its
/// xmin is compared with the version the form was read at: a concurrent edit is refused, never overwritten. Ids that
/// do not exist are refused. The user's next request loads the new rights (<c>CurrentViewer</c> reads them per request).
/// </summary>
public sealed class SaveUserRights(WapListingDbContext db, ManageAudit audit)
{
    public async Task<SaveRightsOutcome> HandleAsync(int userId, RightsForm form, CancellationToken cancellationToken)
    {
        var user = await db.Users.Include(u => u.RightsGrants).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return SaveRightsOutcome.NotFound;
        }

        var after = form.Selection;
        if (!await AllExistAsync(after, cancellationToken))
        {
            return SaveRightsOutcome.UnknownIds;
        }

        var before = RightsSelection.Of(
            user.RightsAllUsers, user.RightsAllQueues,
            user.RightsGrants.Select(g => g.UserId).OfType<int>(), user.RightsGrants.Select(g => g.UserGroupId).OfType<int>(),
            user.RightsGrants.Select(g => g.QueueId).OfType<int>(), user.RightsGrants.Select(g => g.QueueGroupId).OfType<int>());

        var entry = db.Entry(user);
        entry.Property(u => u.Version).OriginalValue = form.Version;
        user.RightsAllUsers = after.AllUsers;
        user.RightsAllQueues = after.AllQueues;
        entry.Property(u => u.RightsAllUsers).IsModified = true;
        db.RightsGrants.RemoveRange(user.RightsGrants);
        db.RightsGrants.AddRange(
            after.UserIds.Select(RightsGrant.ForUser)
                .Concat(after.UserGroupIds.Select(RightsGrant.ForUserGroup))
                .Concat(after.QueueIds.Select(RightsGrant.ForQueue))
                .Concat(after.QueueGroupIds.Select(RightsGrant.ForQueueGroup))
                .Select(g =>
                {
                    g.ViewerId = user.Id;
                    return g;
                }));
        audit.Record("rights.updated", "user", user.Id, before.ForAudit(), after.ForAudit());

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveRightsOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveRightsOutcome.Conflict;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // Something chosen was deleted between the check and the save.
            db.ChangeTracker.Clear();
            return SaveRightsOutcome.UnknownIds;
        }
    }

    private async Task<bool> AllExistAsync(RightsSelection selection, CancellationToken cancellationToken)
    {
        var userIds = selection.UserIds.ToArray();
        var userGroupIds = selection.UserGroupIds.ToArray();
        var queueIds = selection.QueueIds.ToArray();
        var queueGroupIds = selection.QueueGroupIds.ToArray();
        var found = await db.Database.SqlQuery<FoundRow>($"""
            SELECT (SELECT count(*)::int FROM users WHERE id = ANY({userIds}))
                 + (SELECT count(*)::int FROM user_groups WHERE id = ANY({userGroupIds}))
                 + (SELECT count(*)::int FROM queues WHERE id = ANY({queueIds}))
                 + (SELECT count(*)::int FROM queue_groups WHERE id = ANY({queueGroupIds})) AS found
            """).SingleAsync(cancellationToken);
        return found.Found == userIds.Length + userGroupIds.Length + queueIds.Length + queueGroupIds.Length;
    }

    private sealed class FoundRow
    {
        public int Found { get; init; }
    }
}
