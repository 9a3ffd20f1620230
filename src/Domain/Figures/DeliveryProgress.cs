using WapListing.Domain.Entities;

namespace WapListing.Domain.Figures;

/// <summary>
/// Delivery statuses only move forward: sent &lt; delivered &lt; read (read may come without delivered; a late "delivered"
/// after "read" changes nothing). Failed ends a message that was never delivered; once delivered or read it stays so.
/// </summary>
public static class DeliveryProgress
{
    public static DeliveryStatus Advance(DeliveryStatus current, DeliveryStatus incoming) =>
        Rank(incoming) > Rank(current) ? incoming : current;

    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => 0,
        DeliveryStatus.Failed => 1,
        DeliveryStatus.Delivered => 2,
        DeliveryStatus.Read => 3,
        _ => 0,
    };
}
