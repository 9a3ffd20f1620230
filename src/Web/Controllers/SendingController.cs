using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Detail;
using WapListing.Web.Features.Sending;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Controllers;

/// <summary>
/// The composer on the detail (DESIGN §6): preview a message, then send it. A form that cannot be sent comes back on the
/// detail with what was typed and why; a sent one redirects to the detail, where the transcript shows it.
/// </summary>
[Route("listing/activities/send")]
[Authorize(Policy = Policies.EditInteractions)]
public sealed class SendingController(GetDetailPage getDetailPage, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpPost("preview")]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> Preview([FromForm] SendMessageRequest request, [FromServices] ComposerPreviewer previewer, CancellationToken cancellationToken)
    {
        if (request.Name is null || !ModelState.IsValid && !IsValid(nameof(request.Name)))
        {
            return NotFound();
        }

        var (preview, errors) = ModelState.IsValid ? await previewer.HandleAsync(request, cancellationToken) : (null, FieldErrors());
        return await Redisplay(request, new ComposerState(request, preview, errors, null), preview is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK, cancellationToken);
    }

    [HttpPost("")]
    [RedisplaysInvalidInput]
    public async Task<IActionResult> Send([FromForm] SendMessageRequest request, [FromServices] SendWhatsAppMessage sendMessage, CancellationToken cancellationToken)
    {
        if (request.Name is null || !ModelState.IsValid && !IsValid(nameof(request.Name)))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await Redisplay(request, new ComposerState(request, null, FieldErrors(), null), StatusCodes.Status422UnprocessableEntity, cancellationToken);
        }

        var result = await sendMessage.HandleAsync(request, cancellationToken);
        return result.Outcome switch
        {
            SendOutcome.NotFound => NotFound(),
            SendOutcome.Sent => Redirect(Url.Detail(result.InteractionName!, done: "sent")),
            SendOutcome.AwaitingConfirmation => Redirect(Url.Detail(result.InteractionName!, done: "sendpending")),
            SendOutcome.NotApplicable => Redirect(Url.Detail(result.InteractionName!, done: "sendnotapplicable")),
            SendOutcome.RateLimited => await Redisplay(request, new ComposerState(request, null, null, localizer["Composer.RateLimited"]), StatusCodes.Status429TooManyRequests, cancellationToken),
            SendOutcome.Invalid => await Redisplay(request, new ComposerState(request, null, result.Errors, null), StatusCodes.Status422UnprocessableEntity, cancellationToken),
            _ => await Redisplay(request, new ComposerState(request, null, null, result.Failure!.Describe(localizer)), StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    private async Task<IActionResult> Redisplay(SendMessageRequest request, ComposerState state, int statusCode, CancellationToken cancellationToken)
    {
        var page = await getDetailPage.HandleAsync(new GetDetailPageRequest { ActivityDetail = request.Name }, state, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var view = View("~/Views/Detail/Index.cshtml", page);
        view.StatusCode = statusCode;
        return view;
    }

    private bool IsValid(string field) => ModelState[field] is not { ValidationState: Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid };

    private Dictionary<string, string> FieldErrors() =>
        ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .ToDictionary(entry => entry.Key, entry => entry.Value!.Errors[0].ErrorMessage, StringComparer.Ordinal);
}
