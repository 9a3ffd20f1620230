using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Account;
using WapListing.Web.Hosting;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Controllers;

[Route("account")]
public sealed class AccountController(
    SignInManager<User> signInManager,
    UserManager<User> userManager,
    WapListingDbContext db,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginViewModel { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.Login)]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await userManager.FindByNameAsync(model.UserName);
        var result = user is { IsActive: true }
            ? await signInManager.PasswordSignInAsync(user, model.Password, isPersistent: false, lockoutOnFailure: true)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;

        if (result.Succeeded)
        {
            if (SupportedCultures.IsSupported(user!.Language))
            {
                RememberCulture(user.Language!);
            }

            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : DefaultPage);
        }

        // The typed user name may be a mistyped password or someone else's name: log the id only.
        logger.LogWarning("Sign-in failed ({Outcome}) for user id {UserId}", result.IsLockedOut ? "locked out" : "failed", user?.Id);
        db.AuditEntries.Add(new AuditEntry
        {
            Time = clock.GetUtcNow(),
            UserId = user?.Id,
            Action = result.IsLockedOut ? "login.locked_out" : "login.failed",
        });
        await db.SaveChangesAsync();

        ModelState.AddModelError(string.Empty, localizer[result.IsLockedOut ? "Login.LockedOut" : "Login.Failed"]);
        model.Password = string.Empty;
        return View(model);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signInManager.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    /// <summary>The language switch: stored in the signed-in user's settings and in the culture cookie.</summary>
    [AllowAnonymous]
    [HttpPost("language")]
    public async Task<IActionResult> Language(string? culture, string? returnUrl)
    {
        if (SupportedCultures.IsSupported(culture))
        {
            RememberCulture(culture!);
            if (User.Identity?.IsAuthenticated == true && await userManager.GetUserAsync(User) is { } user)
            {
                user.Language = culture;
                await userManager.UpdateAsync(user);
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : DefaultPage);
    }

    private void RememberCulture(string culture) =>
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>Where sign-in and the language switch lead when no local return URL was given: the listing.</summary>
    private string DefaultPage => Url.Action(nameof(ListingController.Wap), "Listing")!;
}
