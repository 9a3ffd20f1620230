namespace WapListing.Domain.Sending;

/// <summary>
/// WhatsApp's customer service window (DESIGN §6): for 24 hours after the customer's last message the business may
/// write freely; after that only an approved template may open the conversation again.
/// </summary>
public static class ServiceWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>How long free text may still be sent; null when the window is closed (or the customer never wrote).</summary>
    public static TimeSpan? Remaining(DateTimeOffset? lastCustomerMessageAt, DateTimeOffset now)
    {
        if (lastCustomerMessageAt is not { } last)
        {
            return null;
        }

        var left = last + Length - now;
        return left > TimeSpan.Zero ? left : null;
    }
}
