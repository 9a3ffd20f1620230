using System.Globalization;
using Microsoft.Extensions.Localization;

namespace WapListing.Web.Localization;

/// <summary>
/// Plural forms per culture: resources hold "Key.One", "Key.Few" (Czech 2–4) and "Key.Other",
/// each with {0} for the number: 1 řádek, 2 řádky, 5 řádků.
/// </summary>
public static class PluralForms
{
    public enum Category
    {
        One,
        Few,
        Other,
    }

    public static Category CategoryOf(long count, CultureInfo culture)
    {
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            "cs" => n == 1 ? Category.One : n is >= 2 and <= 4 ? Category.Few : Category.Other,
            _ => n == 1 ? Category.One : Category.Other,
        };
    }

    public static string Plural(this IStringLocalizer localizer, string key, long count)
    {
        var culture = CultureInfo.CurrentUICulture;
        var form = localizer[$"{key}.{CategoryOf(count, culture)}"];
        if (form.ResourceNotFound)
        {
            form = localizer[$"{key}.{Category.Other}"];
        }

        return string.Format(CultureInfo.CurrentCulture, form.Value, count.ToString("N0", CultureInfo.CurrentCulture));
    }
}
