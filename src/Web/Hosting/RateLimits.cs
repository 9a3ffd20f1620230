using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace WapListing.Web.Hosting;

public static class RateLimits
{
    public const string Login = "login";
    public const string EventBatches = "event-batches";

    /// <summary>Sign-in attempts per client address and minute (<see cref="RateLimitingOptions.LoginPermitsPerMinute"/>).</summary>
    public static IServiceCollection AddWapListingRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    http.Response.Headers.RetryAfter = "1";
                    await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many event batches are waiting; nothing of this one was stored. Send it again in a moment.").ExecuteAsync(http);
                    return;
                }

                http.Response.Headers.RetryAfter = "60";
            };
            options.AddPolicy(Login, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value.LoginPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(EventBatches, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                return RateLimitPartition.GetConcurrencyLimiter(EventBatches, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.EventBatchesAtOnce,
                    QueueLimit = limits.EventBatchesWaiting,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });
    }
}
