using WapListing.Domain.Sending;

namespace WapListing.UnitTests.Figures;

public class ServiceWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 24 * 60)]
    [InlineData(60, 23 * 60)]
    [InlineData(24 * 60 - 1, 1)]
    public void Free_text_may_be_sent_for_24_hours_after_the_customers_last_message(int minutesAgo, int minutesLeft)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutesLeft), ServiceWindow.Remaining(Now.AddMinutes(-minutesAgo), Now));
    }

    [Theory]
    [InlineData(24 * 60)]
    [InlineData(3 * 24 * 60)]
    public void After_24_hours_the_window_is_closed(int minutesAgo)
    {
        Assert.Null(ServiceWindow.Remaining(Now.AddMinutes(-minutesAgo), Now));
    }

    [Fact]
    public void A_customer_who_never_wrote_has_no_window()
    {
        Assert.Null(ServiceWindow.Remaining(null, Now));
    }
}
