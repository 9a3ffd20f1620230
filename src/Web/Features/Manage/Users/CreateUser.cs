using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.Users;

public sealed record CreateUserRequest : UserFormRequest, IPasswordChoice
{
    public PasswordMode Mode { get; init; }

    [StringLength(UserSettings.MaxPasswordLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Users.Password")]
    public string? Password { get; init; }
}

/// <summary>
/// Creates a user with Identity's rules for logins and passwords; a generated password is returned to be shown once,
/// never stored in clear, logged or audited. The audit entry keeps the settings, not the login or name.
/// </summary>
public sealed class CreateUser(
    WapListingDbContext db,
    UserManager<User> userManager,
    ManageAudit audit,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<UserChangeResult> HandleAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var user = new User
        {
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!.Value,
            TimeZoneId = request.TimeZoneId!,
            Language = UserSettings.StoredLanguage(request.Language),
            IsActive = true,
            LockoutEnabled = true,
        };
        var errors = UserSettingsErrors.Of(request, localizer).ToList();
        var password = request.Mode == PasswordMode.Generate ? GeneratedPasswords.New() : request.Password;
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new FieldError(nameof(request.Password), localizer[ValidationMessages.Required, localizer["Manage.Users.Password"]]));
        }

        errors.AddRange(await UserSettingsErrors.OfIdentityAsync(userManager, user, password, nameof(request.UserName), nameof(request.Password)));
        if (errors.Count > 0)
        {
            return UserChangeResult.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        IdentityResult result;
        try
        {
            result = await userManager.CreateAsync(user, password!);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            result = IdentityResult.Failed(userManager.ErrorDescriber.DuplicateUserName(user.UserName));
        }

        if (!result.Succeeded)
        {
            return UserChangeResult.Invalid(result.Errors.ToFieldErrors(nameof(request.UserName), nameof(request.Password)).ToList());
        }

        audit.Record("user.created", "user", user.Id, after: UserAuditValues.Of(user));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserChangeResult.Done(user.Id, request.Mode == PasswordMode.Generate ? password : null);
    }

    /// <summary>Identity's rules of the login and password alone, so a form refused for another field still shows what they lack.</summary>
    public Task<IReadOnlyList<FieldError>> IdentityErrorsAsync(CreateUserRequest request) =>
        UserSettingsErrors.OfIdentityAsync(
            userManager,
            new User { UserName = request.UserName?.Trim(), DisplayName = string.Empty },
            request.Mode == PasswordMode.Typed ? request.Password : null,
            nameof(request.UserName),
            nameof(request.Password));
}
