using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage.Users;
using WapListing.Web.Identity;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Controllers;

/// <summary>
/// Manage → Users (DESIGN §8): the list, a new user, the profile tab, deactivation, password reset. A generated
/// password is answered once, in the response to the POST that made it (not stored, not in a URL, not cached).
/// </summary>
[Authorize(Policy = Policies.Manage)]
[Route("manage/users")]
public sealed class ManageUsersController(IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListUsersRequest request, [FromServices] ListUsers listUsers, CancellationToken cancellationToken) =>
        View(await listUsers.HandleAsync(request, cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View(new CreateUserRequest { Role = UserRole.Agent });

    [HttpPost("new")]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> Create([FromForm] CreateUserRequest request, [FromServices] CreateUser createUser, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var alreadyRefused = ModelState.Where(e => e.Value?.ValidationState == ModelValidationState.Invalid).Select(e => e.Key).ToHashSet();
            AddErrors((await createUser.IdentityErrorsAsync(request)).Where(e => !alreadyRefused.Contains(e.Field)));

            return View(nameof(New), WithoutPassword(request));
        }

        var result = await createUser.HandleAsync(request, cancellationToken);
        if (result.Outcome != UserChangeOutcome.Done)
        {
            AddErrors(result.Errors);
            return View(nameof(New), WithoutPassword(request));
        }

        return result.GeneratedPassword is { } password
            ? PasswordShown(new PasswordShownPage(result.UserId, request.DisplayName!.Trim(), request.UserName!.Trim(), password, IsNewUser: true))
            : RedirectToProfile(result.UserId, "created");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Profile(int id, string? done, [FromServices] GetUserProfile getUserProfile, CancellationToken cancellationToken)
    {
        var profile = await getUserProfile.HandleAsync(id, cancellationToken);
        return profile is null ? NotFound() : View(new UserProfilePage(profile, profile.Form, UserNotices.Known(done)));
    }

    [HttpPost("{id:int}")]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> Update(UpdateUserRequest request, [FromServices] UpdateUser updateUser, [FromServices] GetUserProfile getUserProfile, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await updateUser.HandleAsync(request, cancellationToken);
            switch (result.Outcome)
            {
                case UserChangeOutcome.Done:
                    return RedirectToProfile(request.Id, "saved");
                case UserChangeOutcome.NotFound:
                    return NotFound();
                case UserChangeOutcome.Conflict:
                    var current = await getUserProfile.HandleAsync(request.Id, cancellationToken);
                    if (current is null)
                    {
                        return NotFound();
                    }

                    ModelState.Clear();
                    ModelState.AddModelError(string.Empty, localizer["Manage.ConcurrencyConflict"]);
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return View(nameof(Profile), new UserProfilePage(current, current.Form, null));
                case UserChangeOutcome.LastAdministrator:
                    ModelState.AddModelError(nameof(request.Role), localizer["Manage.Users.LastAdministratorRole"]);
                    break;
                default:
                    AddErrors(result.Errors);
                    break;
            }
        }

        var profile = await getUserProfile.HandleAsync(request.Id, cancellationToken);
        return profile is null ? NotFound() : View(nameof(Profile), new UserProfilePage(profile, request, null));
    }

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id, [FromServices] SetUserActive setUserActive, CancellationToken cancellationToken) =>
        SetActiveAsync(new SetUserActiveRequest(id, Active: false), setUserActive, cancellationToken);

    [HttpPost("{id:int}/reactivate")]
    public Task<IActionResult> Reactivate(int id, [FromServices] SetUserActive setUserActive, CancellationToken cancellationToken) =>
        SetActiveAsync(new SetUserActiveRequest(id, Active: true), setUserActive, cancellationToken);

    [HttpPost("{id:int}/password")]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> ResetPassword(
        ResetUserPasswordRequest request,
        [FromServices] ResetUserPassword resetUserPassword,
        [FromServices] GetUserProfile getUserProfile,
        [FromServices] CurrentViewer viewer,
        [FromServices] SignInManager<User> signInManager,
        CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await resetUserPassword.HandleAsync(request, cancellationToken);
            if (result.Outcome == UserChangeOutcome.NotFound)
            {
                return NotFound();
            }

            if (result.Outcome == UserChangeOutcome.Done)
            {
                if (request.Id == viewer.UserId && await signInManager.UserManager.FindByIdAsync(request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } self)
                {
                    // The new stamp ends every session of the user, except this one, which is theirs.
                    await signInManager.RefreshSignInAsync(self);
                }

                var saved = await getUserProfile.HandleAsync(request.Id, cancellationToken);
                return result.GeneratedPassword is { } password && saved is not null
                    ? PasswordShown(new PasswordShownPage(saved.Id, saved.DisplayName, saved.Form.UserName!, password, IsNewUser: false))
                    : RedirectToProfile(request.Id, "password");
            }

            AddErrors(result.Errors);
        }

        var profile = await getUserProfile.HandleAsync(request.Id, cancellationToken);
        return profile is null
            ? NotFound()
            : View(nameof(Profile), new UserProfilePage(profile, profile.Form, null) { Password = request with { Password = null } });
    }

    private async Task<IActionResult> SetActiveAsync(SetUserActiveRequest request, SetUserActive setUserActive, CancellationToken cancellationToken)
    {
        var result = await setUserActive.HandleAsync(request, cancellationToken);
        return result.Outcome switch
        {
            UserChangeOutcome.NotFound => NotFound(),
            UserChangeOutcome.LastAdministrator => RedirectToProfile(request.Id, UserNotices.LastAdministrator),
            UserChangeOutcome.Conflict => RedirectToProfile(request.Id, UserNotices.Conflict),
            _ => RedirectToProfile(request.Id, request.Active ? "reactivated" : "deactivated"),
        };
    }

    private ViewResult PasswordShown(PasswordShownPage page)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        return View("PasswordShown", page);
    }

    private RedirectResult RedirectToProfile(int id, string done) => Redirect(Url.Content($"~/manage/users/{id}?done={done}"));

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }

    /// <summary>A typed password never travels back into the page (password inputs show no value anyway).</summary>
    private static CreateUserRequest WithoutPassword(CreateUserRequest request) => request with { Password = null };
}
