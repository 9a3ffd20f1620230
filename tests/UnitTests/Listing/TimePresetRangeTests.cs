using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.UnitTests.Listing;

/// <summary>Presets as instants in the viewer's zone: local midnights, so weeks and days across a DST change are 167/169 and 23/25 hours long.</summary>
public sealed class TimePresetRangeTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Fact]
    public void This_week_with_the_spring_change_runs_from_monday_midnight_cet_to_the_next_monday_midnight_cest()
    {
        var (from, to) = TimePresets.Range(TimePreset.ThisWeek, new DateOnly(2026, 3, 29), Prague);

        Assert.Equal(new DateTimeOffset(2026, 3, 22, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(TimeSpan.FromHours(167), to - from);
    }

    [Fact]
    public void Yesterday_on_the_day_after_the_autumn_change_is_25_hours_long()
    {
        var (from, to) = TimePresets.Range(TimePreset.Yesterday, new DateOnly(2026, 10, 26), Prague);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void Last_30_days_ending_in_summer_time_start_at_a_winter_midnight()
    {
        var (from, to) = TimePresets.Range(TimePreset.Last30Days, new DateOnly(2026, 4, 10), Prague);

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 22, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(TimeSpan.FromDays(30) - TimeSpan.FromHours(1), to - from);
    }

    [Fact]
    public void Custom_is_no_preset_of_days_and_gives_today()
    {
        var today = new DateOnly(2026, 11, 27);

        Assert.Equal(TimePresets.Range(TimePreset.Today, today, Prague), TimePresets.Range(TimePreset.Custom, today, Prague));
    }
}
