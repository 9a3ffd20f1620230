namespace WapListing.Web.Validation;

/// <summary>Resource keys of the validation messages (English and Czech in <c>Resources/</c>); <c>{0}</c> is the field's label.</summary>
public static class ValidationMessages
{
    public const string Required = "Validation.RequiredField";
    public const string TooLong = "Validation.TooLong";
    public const string OutOfRange = "Validation.OutOfRange";

    /// <summary>Text the database cannot store (a NUL character, a lone surrogate).</summary>
    public const string NotStorable = "Validation.NotStorable";
}
