using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Errors;

namespace WapListing.Web.Controllers;

/// <summary>Where the exception handler sends failed page requests: the status of <see cref="ExceptionStatus"/> with its page.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // Re-executed for a refused POST (a missing token, an unreadable form): it must answer, and it changes nothing.
public sealed class ErrorController : Controller
{
    [Route("error")]
    public IActionResult Index()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var status = ExceptionStatus.For(failure?.Error);
        Response.StatusCode = status;
        switch (status)
        {
            case StatusCodes.Status503ServiceUnavailable:
                Response.Headers.RetryAfter = ProblemDetailsExceptionHandler.RetryAfterSeconds;
                var retryUrl = failure?.Path is { } path && Url.IsLocalUrl(path) ? path + Request.QueryString : Url.Content("~/");
                return View("Unavailable", retryUrl);
            case StatusCodes.Status500InternalServerError:
                return View("Error", HttpContext.TraceIdentifier);
            default:
                return View("Status", status);
        }
    }

    /// <summary>
    /// Bodies for empty error statuses (404 and the like), so people see a page rather than the browser's. Only error
    /// statuses: any other number is not a page here (a 404), never a status the server cannot send.
    /// </summary>
    [Route("error/{status:int:range(400,599)}")]
    public IActionResult Status()
    {
        // Read from the route, not bound: a re-executed POST whose form could not be read must not be read again.
        var status = int.Parse((string)RouteData.Values["status"]!, System.Globalization.CultureInfo.InvariantCulture);
        Response.StatusCode = status;
        var refusedPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (status == StatusCodes.Status403Forbidden && refusedPath is not null && refusedPath.StartsWith("/manage", StringComparison.OrdinalIgnoreCase))
        {
            // The seed's words for those who look for the rights settings without access to Manage.
            return View("AskYourManager");
        }

        return View("Status", status);
    }
}
