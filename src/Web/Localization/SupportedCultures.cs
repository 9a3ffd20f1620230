using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace WapListing.Web.Localization;

public static class SupportedCultures
{
    public static readonly CultureInfo[] All = [new("en"), new("cs")];

    public static bool IsSupported(string? culture) =>
        culture is not null && All.Any(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase));

    public static void Configure(RequestLocalizationOptions options)
    {
        options.DefaultRequestCulture = new RequestCulture("en");
        options.SupportedCultures = All;
        options.SupportedUICultures = All;
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new UserLanguageCultureProvider(),
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }
}
