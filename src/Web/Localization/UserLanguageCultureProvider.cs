using Microsoft.AspNetCore.Localization;
using WapListing.Web.Identity;

namespace WapListing.Web.Localization;

/// <summary>The signed-in user's language setting wins over the cookie and the browser.</summary>
public sealed class UserLanguageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = httpContext.User.FindFirst(ViewerClaims.Language)?.Value;
        return Task.FromResult(string.IsNullOrEmpty(language) ? null : new ProviderCultureResult(language));
    }
}
