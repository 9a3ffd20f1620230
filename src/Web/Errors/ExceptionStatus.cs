using WapListing.Web.Hosting;

namespace WapListing.Web.Errors;

/// <summary>The one mapping from a failure to the status code the client gets: pages and (problem-details) APIs alike.</summary>
public static class ExceptionStatus
{
    public static int For(Exception? exception) => exception switch
    {
        _ when DatabaseOutage.IsCause(exception) => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException badRequest => badRequest.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
