using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Hosting;

namespace WapListing.Web.Identity;

/// <summary>
/// Role, deactivation, settings and rights are read from the database on every request (DESIGN §4), in one round trip,
/// so a change acts on the user's very next request instead of when the cookie expires: nothing is cached between requests.
/// </summary>
public static class PerRequestPrincipalRefresh
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var idText = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue("AspNet.Identity.SecurityStamp");
        if (!int.TryParse(idText, out var userId))
        {
            await RejectAsync(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<WapListingDbContext>();
        InteractionRights.ViewerRow? user;
        try
        {
            user = await InteractionRights.LoadViewerAsync(db, userId, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (DatabaseOutage.IsCause(e))
        {
            DatabaseOutage.Record(context.HttpContext, e);
            return;
        }

        if (user is null || !user.IsActive || user.SecurityStamp != stamp)
        {
            await RejectAsync(context);
            return;
        }

        var identity = new ClaimsIdentity(context.Principal!.Identity!.AuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? string.Empty));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(ViewerClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ViewerClaims.TimeZone, user.TimeZoneId));
        if (!string.IsNullOrEmpty(user.Language))
        {
            identity.AddClaim(new Claim(ViewerClaims.Language, user.Language));
        }

        identity.AddClaim(new Claim("AspNet.Identity.SecurityStamp", stamp!));
        context.ReplacePrincipal(new ClaimsPrincipal(identity));
        CurrentViewer.RememberRights(context.HttpContext, user.Id, user.Rights, user.CatalogVersion);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
