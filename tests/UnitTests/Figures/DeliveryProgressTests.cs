using WapListing.Domain.Entities;
using WapListing.Domain.Figures;

namespace WapListing.UnitTests.Figures;

public sealed class DeliveryProgressTests
{
    [Theory]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Read, DeliveryStatus.Read)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Delivered, DeliveryStatus.Read)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Sent, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Sent, DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Failed, DeliveryStatus.Read)]
    public void Statuses_never_go_backwards(DeliveryStatus current, DeliveryStatus incoming, DeliveryStatus expected) =>
        Assert.Equal(expected, DeliveryProgress.Advance(current, incoming));

    [Fact]
    public void Any_arrival_order_ends_in_the_furthest_status()
    {
        DeliveryStatus[] all = [DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read];
        foreach (var order in new[] { all, all.Reverse().ToArray(), [all[1], all[2], all[0]], [all[2], all[0], all[1]] })
        {
            Assert.Equal(DeliveryStatus.Read, order.Aggregate(DeliveryStatus.Sent, DeliveryProgress.Advance));
        }
    }
}
