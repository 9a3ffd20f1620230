using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Hosting;

namespace WapListing.Web.Controllers;

/// <summary>Where the exception handler sends failed requests: 503 while the database is away, else 500.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    [Route("error")]
    public IActionResult Index()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var exception = failure?.Error;
        if (DatabaseOutage.IsCause(exception))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            var retryUrl = failure?.Path is { } path && Url.IsLocalUrl(path) ? path + Request.QueryString : "/";
            return View("Unavailable", retryUrl);
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", HttpContext.TraceIdentifier);
    }

    /// <summary>Bodies for empty error statuses (404 and the like), so people see a page rather than the browser's.</summary>
    [Route("error/{status:int}")]
    public IActionResult Status(int status)
    {
        Response.StatusCode = status;
        return View("Status", status);
    }
}
