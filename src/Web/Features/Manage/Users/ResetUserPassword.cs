using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.Users;

public sealed record ResetUserPasswordRequest : IPasswordChoice
{
    [FromRoute(Name = "id")]
    public int Id { get; init; }

    public PasswordMode Mode { get; init; }

    [StringLength(UserSettings.MaxPasswordLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Users.NewPassword")]
    public string? Password { get; init; }
}

/// <summary>
/// Sets a new password (typed by the administrator under Identity's rules, or generated and returned to be shown once)
/// and a new security stamp, so the user's sessions end; a lockout is lifted. Audited without any password.
/// </summary>
public sealed class ResetUserPassword(
    WapListingDbContext db,
    UserManager<User> userManager,
    ManageAudit audit,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<UserChangeResult> HandleAsync(ResetUserPasswordRequest request, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.Id, cancellationToken);
        if (user is null)
        {
            return UserChangeResult.Of(UserChangeOutcome.NotFound);
        }

        var password = request.Mode == PasswordMode.Generate ? GeneratedPasswords.New() : request.Password;
        if (string.IsNullOrEmpty(password))
        {
            return UserChangeResult.Invalid([new FieldError(nameof(request.Password), localizer[ValidationMessages.Required, localizer["Manage.Users.NewPassword"]])]);
        }

        var errors = new List<IdentityError>();
        foreach (var validator in userManager.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(userManager, user, password)).Errors);
        }

        if (errors.Count > 0)
        {
            return UserChangeResult.Invalid(errors.ToFieldErrors(string.Empty, nameof(request.Password)).ToList());
        }

        user.PasswordHash = userManager.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        audit.Record("user.password_reset", "user", user.Id, after: new { generated = request.Mode == PasswordMode.Generate });
        var result = await userManager.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            return UserChangeResult.Of(UserChangeOutcome.Conflict);
        }

        return UserChangeResult.Done(user.Id, request.Mode == PasswordMode.Generate ? password : null);
    }
}
