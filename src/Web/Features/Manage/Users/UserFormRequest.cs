using System.ComponentModel.DataAnnotations;
using WapListing.Domain.Entities;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.Users;

/// <summary>What the create and profile forms of a user share: login, display name, role, time zone and language.</summary>
public abstract record UserFormRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(UserSettings.MaxUserNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Users.Login")]
    public string? UserName { get; init; }

    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(UserSettings.MaxDisplayNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Users.DisplayName")]
    public string? DisplayName { get; init; }

    [Required(ErrorMessage = ValidationMessages.Required)]
    [Display(Name = "Manage.Role")]
    public UserRole? Role { get; init; }

    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(64, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.TimeZone")]
    public string? TimeZoneId { get; init; } = User.DefaultTimeZoneId;

    /// <summary>"en", "cs", or empty for the browser's language.</summary>
    [StringLength(10, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Language")]
    public string? Language { get; init; }
}

/// <summary>A password set by the administrator, or one the app generates and shows once.</summary>
public enum PasswordMode
{
    Generate,
    Typed,
}

/// <summary>The password part of the create form and of the password reset.</summary>
public interface IPasswordChoice
{
    PasswordMode Mode { get; }

    string? Password { get; }
}
