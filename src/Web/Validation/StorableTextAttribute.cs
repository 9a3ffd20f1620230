using System.ComponentModel.DataAnnotations;

namespace WapListing.Web.Validation;

/// <summary>
/// A request field (text or list of texts) that reaches the database must be <see cref="StorableText"/>: otherwise the
/// validation step answers 400 (or back to the detail with a notice) with <see cref="ValidationMessages.NotStorable"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class StorableTextAttribute : ValidationAttribute
{
    public StorableTextAttribute()
    {
        ErrorMessage = ValidationMessages.NotStorable;
    }

    public override bool IsValid(object? value) => value switch
    {
        string text => StorableText.IsStorable(text),
        IEnumerable<string?> texts => texts.All(StorableText.IsStorable),
        _ => true,
    };
}
