using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage.ApiKeys;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Controllers;

/// <summary>Manage → API keys (DESIGN §8): list, create (the secret shown once), revoke.</summary>
[Authorize(Policy = Policies.Manage)]
[Route("manage/api-keys")]
public sealed class ManageApiKeysController(IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, [FromServices] GetApiKeys getApiKeys, CancellationToken cancellationToken) =>
        View(await getApiKeys.HandleAsync(done, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] CreateApiKey createApiKey, CancellationToken cancellationToken) =>
        View("New", await createApiKey.FormAsync(new CreateApiKeyRequest { Read = true }, cancellationToken));

    /// <summary>Answers with the secret itself (never a redirect: the secret must not travel in a URL or be kept to show later).</summary>
    [HttpPost("new")]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> Create([FromForm] CreateApiKeyRequest request, [FromServices] CreateApiKey createApiKey, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await createApiKey.HandleAsync(request, cancellationToken);
            if (result.Created is { } created)
            {
                Response.Headers.CacheControl = "no-store";
                Response.Headers.Pragma = "no-cache";
                return View("Created", created);
            }

            AddErrors(result.Errors);
        }
        else
        {
            AddErrors(await createApiKey.ValidateAsync(request, cancellationToken));
        }

        return View("New", await createApiKey.FormAsync(request, cancellationToken));
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, localizer[error.MessageKey]);
        }
    }

    [HttpGet("{id:int}/revoke")]
    public async Task<IActionResult> ConfirmRevoke(int id, [FromServices] RevokeApiKey revokeApiKey, CancellationToken cancellationToken) =>
        await revokeApiKey.ConfirmationAsync(id, conflict: false, cancellationToken) is { } confirmation
            ? View("Revoke", confirmation)
            : NotFound();

    [HttpPost("{id:int}/revoke")]
    public async Task<IActionResult> Revoke(int id, [FromForm] RevokeApiKeyRequest request, [FromServices] RevokeApiKey revokeApiKey, CancellationToken cancellationToken)
    {
        switch (await revokeApiKey.HandleAsync(id, request, cancellationToken))
        {
            case RevokeOutcome.NotFound:
                return NotFound();
            case RevokeOutcome.Revoked:
                return RedirectToAction(nameof(Index), new { done = "revoked" });
            case RevokeOutcome.AlreadyRevoked:
                return RedirectToAction(nameof(Index), new { done = "alreadyrevoked" });
        }

        var current = await revokeApiKey.ConfirmationAsync(id, conflict: true, cancellationToken);
        return current switch
        {
            null => NotFound(),
            { Key.State: ApiKeyState.Revoked } => RedirectToAction(nameof(Index), new { done = "alreadyrevoked" }),
            _ => View("Revoke", current),
        };
    }
}
