using System.Globalization;
using WapListing.Web.Localization;

namespace WapListing.FunctionalTests.Platform;

/// <summary>Times in the viewer's zone and culture; durations as h:mm:ss whatever the language.</summary>
public sealed class DisplayFormatTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Theory]
    [InlineData("cs", "Europe/Prague", "25.11.2026 15:30")]
    [InlineData("en", "Europe/Prague", "11/25/2026 3:30 PM")]
    [InlineData("cs", "Europe/London", "25.11.2026 14:30")]
    public void Instants_are_shown_in_the_viewers_zone_and_culture(string culture, string zone, string expected) =>
        Assert.Equal(expected, InCulture(culture, () => DisplayFormat.DateTime(
            new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById(zone))));

    [Fact]
    public void Summer_time_is_applied_on_the_day_it_starts()
    {
        // 29 March 2026: Prague moves from +01:00 to +02:00 at 01:00 UTC.
        Assert.Equal("29.03.2026 1:59", InCulture("cs", () => DisplayFormat.DateTime(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero), Prague)));
        Assert.Equal("29.03.2026 3:00", InCulture("cs", () => DisplayFormat.DateTime(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), Prague)));
        Assert.Equal("3/29/2026 2:00 AM", InCulture("en", () => DisplayFormat.DateTime(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), London)));
    }

    [Theory]
    [InlineData("cs", "středa 25. listopadu 2026")]
    [InlineData("en", "Wednesday, November 25, 2026")]
    public void Dates_are_written_in_the_viewers_language(string culture, string expected) =>
        Assert.Equal(expected, InCulture(culture, () => DisplayFormat.Date(new DateOnly(2026, 11, 25))));

    [Theory]
    [InlineData(0, "0:00:00")]
    [InlineData(59, "0:00:59")]
    [InlineData(3_661, "1:01:01")]
    [InlineData(90_001, "25:00:01")]
    [InlineData(-61, "-0:01:01")]
    public void Durations_are_hours_minutes_seconds_in_every_language(int seconds, string expected)
    {
        Assert.Equal(expected, InCulture("cs", () => DisplayFormat.Duration(seconds)));
        Assert.Equal(expected, InCulture("en", () => DisplayFormat.Duration(seconds)));
    }

    [Theory]
    [InlineData("cs", "1 234 567,5")]
    [InlineData("en", "1,234,567.5")]
    public void Numbers_group_and_separate_decimals_per_culture(string culture, string expected) =>
        Assert.Equal(expected, InCulture(culture, () => 1_234_567.5m.ToString("N1", CultureInfo.CurrentCulture)));

    private static string InCulture(string culture, Func<string> format)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return format().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
