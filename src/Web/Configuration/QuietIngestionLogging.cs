using Microsoft.AspNetCore.HttpLogging;

namespace WapListing.Web.Configuration;

/// <summary>
/// Leaves the accepted webhook deliveries and event batches out of the one-line-per-request log: they come hundreds a
/// second, writing a line for each cost more than storing it, and the webhook inbox and the events table record every
/// one of them with its time. Refused ones (401, 413, 422 …) are logged like any other request.
/// </summary>
public sealed class QuietIngestionLogging : IHttpLoggingInterceptor
{
    private static readonly PathString[] IngestionPaths = ["/webhooks/whatsapp", "/api/v1/events"];

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext)
    {
        var context = logContext.HttpContext;
        if (context.Response.StatusCode is >= 200 and < 300 && IngestionPaths.Any(path => context.Request.Path.StartsWithSegments(path)))
        {
            logContext.LoggingFields = HttpLoggingFields.None;
            logContext.Parameters.Clear();
        }

        return ValueTask.CompletedTask;
    }
}
