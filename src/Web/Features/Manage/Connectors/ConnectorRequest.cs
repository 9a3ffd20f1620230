using System.ComponentModel.DataAnnotations;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.Connectors;

/// <summary>
/// A connector's form. The three secrets are write-only: an empty input keeps the stored value, a typed one replaces
/// it, a ticked "clear" removes it (a typed value wins over "clear").
/// </summary>
public sealed record ConnectorRequest
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneNumberInput = 40;
    public const int MaxExternalKeyLength = 100;
    public const int MaxWhatsAppIdLength = 64;
    public const int MaxSecretLength = 4096;

    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Name")]
    public string? Name { get; init; }

    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(MaxPhoneNumberInput, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Connectors.PhoneNumber")]
    public string? PhoneNumber { get; init; }

    public bool IsActive { get; init; }

    [StringLength(MaxExternalKeyLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.ExternalKey")]
    public string? ExternalKey { get; init; }

    [StringLength(MaxWhatsAppIdLength, ErrorMessage = ValidationMessages.TooLong)]
    [RegularExpression(@"^\s*[0-9]+\s*$", ErrorMessage = "Manage.Connectors.DigitsOnly")]
    [Display(Name = "Manage.Connectors.PhoneNumberId")]
    public string? WhatsAppPhoneNumberId { get; init; }

    [StringLength(MaxWhatsAppIdLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Connectors.BusinessAccountId")]
    public string? WhatsAppBusinessAccountId { get; init; }

    [Display(Name = "Manage.Connectors.DefaultQueue")]
    public int? DefaultQueueId { get; init; }

    [StringLength(MaxSecretLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Connectors.VerifyToken")]
    public string? VerifyToken { get; init; }

    [StringLength(MaxSecretLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Connectors.AppSecret")]
    public string? AppSecret { get; init; }

    [StringLength(MaxSecretLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Connectors.AccessToken")]
    public string? AccessToken { get; init; }

    public bool ClearVerifyToken { get; init; }

    public bool ClearAppSecret { get; init; }

    public bool ClearAccessToken { get; init; }

    public uint Version { get; init; }

    /// <summary>Whether any secret was typed (a redisplayed form asks for them again: it never shows one back).</summary>
    public bool HasTypedSecrets =>
        !string.IsNullOrWhiteSpace(VerifyToken) || !string.IsNullOrWhiteSpace(AppSecret) || !string.IsNullOrWhiteSpace(AccessToken);
}
