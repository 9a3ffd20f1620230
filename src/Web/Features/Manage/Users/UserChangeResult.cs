using Microsoft.AspNetCore.Identity;

namespace WapListing.Web.Features.Manage.Users;

public enum UserChangeOutcome
{
    Done,
    NotFound,

    /// <summary>Refused with messages for the fields (<see cref="UserChangeResult.Errors"/>): nothing saved.</summary>
    Invalid,

    /// <summary>Someone changed the user since the form was loaded: nothing saved.</summary>
    Conflict,

    /// <summary>The change would leave no active administrator: nothing saved.</summary>
    LastAdministrator,
}

/// <summary>A message for one field of the form (or the whole form when <see cref="Field"/> is empty).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// The answer of a change in Manage → Users; <see cref="GeneratedPassword"/> is the password the app generated, to be
/// shown once on the response to this request and nowhere else.
/// </summary>
public sealed record UserChangeResult(UserChangeOutcome Outcome, IReadOnlyList<FieldError> Errors, int UserId = 0, string? GeneratedPassword = null)
{
    public static UserChangeResult Done(int userId, string? generatedPassword = null) => new(UserChangeOutcome.Done, [], userId, generatedPassword);

    public static UserChangeResult Of(UserChangeOutcome outcome) => new(outcome, []);

    public static UserChangeResult Invalid(IReadOnlyList<FieldError> errors) => new(UserChangeOutcome.Invalid, errors);
}

/// <summary>Which form field Identity's errors (already in the viewer's language, see LocalizedIdentityErrorDescriber) belong to.</summary>
public static class IdentityErrorFields
{
    public static IEnumerable<FieldError> ToFieldErrors(this IEnumerable<IdentityError> errors, string userNameField, string passwordField) =>
        errors.Select(error => new FieldError(
            error.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) => userNameField,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                _ => string.Empty,
            },
            error.Description));
}
