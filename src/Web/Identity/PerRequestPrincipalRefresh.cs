using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Hosting;

namespace WapListing.Web.Identity;

/// <summary>
/// Role, deactivation and settings are read from the database on every request (DESIGN §4),
/// so a change acts on the user's very next request instead of when the cookie expires.
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
        UserSnapshot? user;
        try
        {
            user = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new UserSnapshot(u.Id, u.UserName, u.DisplayName, u.IsActive, u.Role, u.TimeZoneId, u.Language, u.SecurityStamp))
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
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
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(ViewerClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(ViewerClaims.TimeZone, user.TimeZoneId));
        if (!string.IsNullOrEmpty(user.Language))
        {
            identity.AddClaim(new Claim(ViewerClaims.Language, user.Language));
        }

        identity.AddClaim(new Claim("AspNet.Identity.SecurityStamp", stamp!));
        context.ReplacePrincipal(new ClaimsPrincipal(identity));
    }

    private sealed record UserSnapshot(
        int Id, string? UserName, string DisplayName, bool IsActive, UserRole Role, string TimeZoneId, string? Language, string? SecurityStamp);

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
