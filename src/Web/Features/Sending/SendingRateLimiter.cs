using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WapListing.Web.Hosting;

namespace WapListing.Web.Features.Sending;

/// <summary>
/// How many messages one user may send a minute (<see cref="RateLimitingOptions.MessagesPerUserPerMinute"/>), with the
/// framework's sliding window. Asked by the send use case rather than as endpoint middleware, so a refused form comes
/// back with what was typed and a notice instead of a bare 429.
/// </summary>
public sealed class SendingRateLimiter(IOptions<RateLimitingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<int> _limiter = PartitionedRateLimiter.Create<int, int>(userId =>
        RateLimitPartition.GetSlidingWindowLimiter(userId, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MessagesPerUserPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    public bool TryAcquire(int userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
