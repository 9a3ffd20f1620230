using System.ComponentModel.DataAnnotations;

namespace WapListing.Web.Api;

/// <summary>Configuration section "ApiKeys".</summary>
public sealed class ApiKeysOptions : IValidatableObject
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// Base64 of at least 32 random bytes: the HMAC key the stored hashes of API keys are made with. Unset, the app
    /// generates one on first use and keeps it in the database (app_settings), so every app node uses the same.
    /// </summary>
    public string? HashingKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HashingKey is not null && ApiKeySecrets.DecodeHashingKey(HashingKey) is null)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(HashingKey)} must be base64 of at least {ApiKeySecrets.MinimumHashingKeyBytes} bytes.",
                [nameof(HashingKey)]);
        }
    }
}
