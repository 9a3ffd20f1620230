using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace WapListing.Web.Errors;

/// <summary>
/// Failures of requests that want JSON (the APIs) are answered here as <c>application/problem+json</c> with the status
/// of <see cref="ExceptionStatus"/>; pages fall through to the error page (<c>/error</c>), which uses the same mapping.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const string RetryAfterSeconds = "30";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!WantsProblemDetails(httpContext.Request))
        {
            return false;
        }

        var status = ExceptionStatus.For(exception);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status },
        });
    }

    /// <summary>API paths, and clients that accept JSON but not HTML.</summary>
    public static bool WantsProblemDetails(HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/api"))
        {
            return true;
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Count > 0
            && accept.Any(a => a.MediaType.Value?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            && !accept.Any(a => a.MediaType.Value is "text/html" or "*/*");
    }
}
