using System.ComponentModel.DataAnnotations;

namespace WapListing.Web.Hosting;

/// <summary>Configuration section "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in attempts per client address and minute; more get 429.</summary>
    [Range(1, 1_000_000)]
    public int LoginPermitsPerMinute { get; set; } = 10;
}
