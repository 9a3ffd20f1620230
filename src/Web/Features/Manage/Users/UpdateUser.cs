using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Manage.Users;

public sealed record UpdateUserRequest : UserFormRequest
{
    [FromRoute(Name = "id")]
    public int Id { get; init; }

    /// <summary>The user's row version (xmin) when the form was loaded.</summary>
    public uint Version { get; init; }
}

/// <summary>
/// Saves a user's profile: only over the version the form was loaded with (else <see cref="UserChangeOutcome.Conflict"/>),
/// never demoting the last active administrator. Audited with the settings before and after and whether the login or
/// the display name changed (not their texts).
/// </summary>
public sealed class UpdateUser(
    WapListingDbContext db,
    UserManager<User> userManager,
    ManageAudit audit,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<UserChangeResult> HandleAsync(UpdateUserRequest request, CancellationToken cancellationToken)
    {
        var errors = UserSettingsErrors.Of(request, localizer).ToList();
        if (errors.Count > 0)
        {
            return UserChangeResult.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var administrators = await ActiveAdministrators.LockAsync(db, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.Id, cancellationToken);
        if (user is null)
        {
            return UserChangeResult.Of(UserChangeOutcome.NotFound);
        }

        if (user.Version != request.Version)
        {
            return UserChangeResult.Of(UserChangeOutcome.Conflict);
        }

        if (request.Role != UserRole.Administrator && ActiveAdministrators.IsTheLast(administrators, user.Id))
        {
            return UserChangeResult.Of(UserChangeOutcome.LastAdministrator);
        }

        var before = UserAuditValues.Of(user);
        var userName = request.UserName!.Trim();
        var displayName = request.DisplayName!.Trim();
        var loginChanged = !string.Equals(user.UserName, userName, StringComparison.Ordinal);
        var displayNameChanged = !string.Equals(user.DisplayName, displayName, StringComparison.Ordinal);
        user.UserName = userName;
        user.DisplayName = displayName;
        user.Role = request.Role!.Value;
        user.TimeZoneId = request.TimeZoneId!;
        user.Language = UserSettings.StoredLanguage(request.Language);
        var after = UserAuditValues.Of(user);
        if (!loginChanged && !displayNameChanged && before == after)
        {
            return UserChangeResult.Done(user.Id);
        }

        db.Entry(user).Property(u => u.Version).OriginalValue = request.Version;
        audit.Record("user.updated", "user", user.Id, before, new { after.Role, after.TimeZone, after.Language, after.Active, loginChanged, displayNameChanged });

        // Identity checks the login (format, taken), normalizes it and saves; a DbUpdateConcurrencyException
        // (xmin or Identity's ConcurrencyStamp) comes back as its ConcurrencyFailure error.
        var result = await userManager.UpdateAsync(user);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? UserChangeResult.Of(UserChangeOutcome.Conflict)
                : UserChangeResult.Invalid(result.Errors.ToFieldErrors(nameof(request.UserName), string.Empty).ToList());
        }

        await transaction.CommitAsync(cancellationToken);
        return UserChangeResult.Done(user.Id);
    }
}
