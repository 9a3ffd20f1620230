using System.Globalization;
using WapListing.Web.Localization;

namespace WapListing.UnitTests.Localization;

/// <summary>Durations as h:mm:ss in every language; instants and dates in the viewer's zone and culture.</summary>
public sealed class DisplayFormatTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Theory]
    [InlineData(0, "0:00:00")]
    [InlineData(1, "0:00:01")]
    [InlineData(60, "0:01:00")]
    [InlineData(3_599, "0:59:59")]
    [InlineData(3_600, "1:00:00")]
    [InlineData(86_399, "23:59:59")]
    public void A_duration_is_hours_minutes_and_seconds_with_two_digit_minutes_and_seconds(int seconds, string expected) =>
        Assert.Equal(expected, DisplayFormat.Duration(seconds));

    [Theory]
    [InlineData(86_400, "24:00:00")]
    [InlineData(90_061, "25:01:01")]
    [InlineData(int.MaxValue, "596523:14:07")]
    public void Hours_are_not_wrapped_at_a_day(int seconds, string expected) =>
        Assert.Equal(expected, DisplayFormat.Duration(seconds));

    [Theory]
    [InlineData(-1, "-0:00:01")]
    [InlineData(-3_661, "-1:01:01")]
    [InlineData(int.MinValue, "-596523:14:08")]
    public void A_negative_duration_gets_one_leading_minus(int seconds, string expected) =>
        Assert.Equal(expected, DisplayFormat.Duration(seconds));

    [Theory]
    [InlineData("cs-CZ")]
    [InlineData("en-US")]
    [InlineData("ar-SA")]
    public void A_duration_looks_the_same_in_every_culture(string culture) =>
        Assert.Equal("1:02:03", Culture.In(culture, () => DisplayFormat.Duration(3_723)));

    [Theory]
    [InlineData("cs-CZ")]
    [InlineData("en-US")]
    public void An_instant_is_shown_as_the_wall_clock_time_of_the_viewers_zone(string culture)
    {
        var winter = Culture.In(culture, () => DisplayFormat.DateTime(new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero), Prague));
        var summer = Culture.In(culture, () => DisplayFormat.DateTime(new DateTimeOffset(2026, 7, 1, 14, 30, 0, TimeSpan.Zero), Prague));

        Assert.Equal(new DateTime(2026, 11, 25, 15, 30, 0).ToString("g", new CultureInfo(culture)), winter);
        Assert.Equal(new DateTime(2026, 7, 1, 16, 30, 0).ToString("g", new CultureInfo(culture)), summer);
    }

    [Fact]
    public void The_two_passes_through_the_autumn_overlap_show_the_same_wall_clock_time()
    {
        // 25 Oct 2026: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30 CET.
        var first = Culture.In("cs-CZ", () => DisplayFormat.DateTime(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), Prague));
        var second = Culture.In("cs-CZ", () => DisplayFormat.DateTime(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), Prague));

        Assert.Equal("25.10.2026 2:30", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_date_is_written_out_in_the_viewers_language()
    {
        Assert.Equal("středa 25. listopadu 2026", Culture.In("cs-CZ", () => DisplayFormat.Date(new DateOnly(2026, 11, 25))));
        Assert.Equal("Wednesday, November 25, 2026", Culture.In("en-US", () => DisplayFormat.Date(new DateOnly(2026, 11, 25))));
    }
}
