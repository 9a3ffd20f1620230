using System.ComponentModel.DataAnnotations;

namespace WapListing.Web.Hosting;

/// <summary>Configuration section "RateLimiting".</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Sign-in attempts per client address and minute; more get 429.</summary>
    [Range(1, 1_000_000)]
    public int LoginPermitsPerMinute { get; set; } = 10;

    /// <summary>
    /// Event batches an app node stores at once (<c>POST /api/v1/events</c>); more wait in line. A few at a time store
    /// as many events a second as many would, and leave the processors to the webhook inbox and the pages.
    /// </summary>
    [Range(1, 64)]
    public int EventBatchesAtOnce { get; set; } = 2;

    /// <summary>Event batches that may wait in line; beyond, a batch gets 429 with <c>Retry-After</c>.</summary>
    [Range(0, 10_000)]
    public int EventBatchesWaiting { get; set; } = 200;

    /// <summary>WhatsApp messages one user may send a minute from the composer (per app node); more are refused with a notice.</summary>
    [Range(1, 10_000)]
    public int MessagesPerUserPerMinute { get; set; } = 20;
}
