using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Users;

public sealed record SetUserActiveRequest(int Id, bool Active);

/// <summary>
/// Deactivates or reactivates a user. A deactivated user cannot sign in, and the new security stamp ends their
/// sessions at their very next request (PerRequestPrincipalRefresh also refuses inactive users); their rows and
/// history stay. The last active administrator is never deactivated.
/// </summary>
public sealed class SetUserActive(WapListingDbContext db, UserManager<User> userManager, ManageAudit audit)
{
    public async Task<UserChangeResult> HandleAsync(SetUserActiveRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var administrators = await ActiveAdministrators.LockAsync(db, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.Id, cancellationToken);
        if (user is null)
        {
            return UserChangeResult.Of(UserChangeOutcome.NotFound);
        }

        if (user.IsActive == request.Active)
        {
            return UserChangeResult.Done(user.Id);
        }

        if (!request.Active && ActiveAdministrators.IsTheLast(administrators, user.Id))
        {
            return UserChangeResult.Of(UserChangeOutcome.LastAdministrator);
        }

        user.IsActive = request.Active;
        audit.Record(request.Active ? "user.reactivated" : "user.deactivated", "user", user.Id, new { Active = !request.Active }, new { request.Active });
        var result = await userManager.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return UserChangeResult.Of(UserChangeOutcome.Conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        return UserChangeResult.Done(user.Id);
    }
}
