using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Manage.Users;

/// <summary>The checks of a user's form beyond its DataAnnotations: known zone and language, and Identity's own rules.</summary>
public static class UserSettingsErrors
{
    public static IEnumerable<FieldError> Of(UserFormRequest request, IStringLocalizer<SharedResource> localizer)
    {
        if (!UserSettings.IsTimeZone(request.TimeZoneId))
        {
            yield return new FieldError(nameof(request.TimeZoneId), localizer["Manage.Users.UnknownTimeZone"]);
        }

        if (!UserSettings.IsLanguage(request.Language))
        {
            yield return new FieldError(nameof(request.Language), localizer["Manage.Users.UnknownLanguage"]);
        }

        if (!Enum.IsDefined(request.Role!.Value))
        {
            yield return new FieldError(nameof(request.Role), localizer["Manage.Users.UnknownRole"]);
        }
    }

    /// <summary>Identity's validators of the login (format, taken) and of the password, all at once so every field gets its messages.</summary>
    public static async Task<IReadOnlyList<FieldError>> OfIdentityAsync(
        UserManager<User> userManager, User user, string? password, string userNameField, string passwordField)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in userManager.UserValidators)
        {
            errors.AddRange((await validator.ValidateAsync(userManager, user)).Errors);
        }

        if (!string.IsNullOrEmpty(password))
        {
            foreach (var validator in userManager.PasswordValidators)
            {
                errors.AddRange((await validator.ValidateAsync(userManager, user, password)).Errors);
            }
        }

        return errors.ToFieldErrors(userNameField, passwordField).ToList();
    }
}

/// <summary>What the audit keeps of a user's settings: codes and flags, no login or name.</summary>
public sealed record UserAuditValues(string Role, string TimeZone, string? Language, bool Active)
{
    public static UserAuditValues Of(User user) => new(user.Role.ToString(), user.TimeZoneId, user.Language, user.IsActive);
}
