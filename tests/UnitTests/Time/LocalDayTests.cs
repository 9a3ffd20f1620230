using Microsoft.Extensions.Time.Testing;
using WapListing.Infrastructure.Time;

namespace WapListing.UnitTests.Time;

/// <summary>Local days and wall-clock times of a zone as instants (DESIGN §5), in Europe/Prague.</summary>
public sealed class LocalDayTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Fact]
    public void Today_changes_at_Prague_midnight_in_winter_not_at_UTC_midnight()
    {
        // 26 Nov 2026, CET (+01:00): Prague's midnight is 23:00 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 22, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 26), LocalDay.Today(clock, Prague));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DateOnly(2026, 11, 27), LocalDay.Today(clock, Prague));

        clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(new DateOnly(2026, 11, 27), LocalDay.Today(clock, Prague));
    }

    [Fact]
    public void Today_changes_at_Prague_midnight_in_summer()
    {
        // 1 Jul 2026, CEST (+02:00): Prague's midnight is 22:00 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 21, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 7, 1), LocalDay.Today(clock, Prague));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DateOnly(2026, 7, 2), LocalDay.Today(clock, Prague));
    }

    [Fact]
    public void Today_crosses_into_a_new_year_at_Prague_midnight()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 22, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 31), LocalDay.Today(clock, Prague));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new DateOnly(2027, 1, 1), LocalDay.Today(clock, Prague));
    }

    [Theory]
    [InlineData(2026, 11, 26, 10, 0, "2026-11-26T09:00:00Z")]
    [InlineData(2026, 7, 1, 10, 0, "2026-07-01T08:00:00Z")]
    [InlineData(2026, 1, 1, 0, 0, "2025-12-31T23:00:00Z")]
    public void An_ordinary_local_time_takes_the_zones_offset_of_that_day(int year, int month, int day, int hour, int minute, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            LocalDay.ToInstant(new DateTime(year, month, day, hour, minute, 0), Prague));

    [Theory]
    [InlineData(2, 0, "2026-03-29T01:00:00Z")]
    [InlineData(2, 30, "2026-03-29T01:30:00Z")]
    [InlineData(2, 59, "2026-03-29T01:59:00Z")]
    public void A_time_in_the_spring_forward_gap_moves_forward_by_the_gap(int hour, int minute, string expected)
    {
        // 29 Mar 2026: Prague's clocks jump from 02:00 to 03:00; 02:30 does not exist and means 03:30 CEST.
        var instant = LocalDay.ToInstant(new DateTime(2026, 3, 29, hour, minute, 0), Prague);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(new DateTime(2026, 3, 29, hour + 1, minute, 0), TimeZoneInfo.ConvertTime(instant, Prague).DateTime);
    }

    [Fact]
    public void The_times_around_the_gap_keep_their_own_offsets()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero), LocalDay.ToInstant(new DateTime(2026, 3, 29, 1, 59, 0), Prague));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), LocalDay.ToInstant(new DateTime(2026, 3, 29, 3, 0, 0), Prague));
    }

    [Theory]
    [InlineData(2, 0, "2026-10-25T00:00:00Z")]
    [InlineData(2, 30, "2026-10-25T00:30:00Z")]
    [InlineData(2, 59, "2026-10-25T00:59:00Z")]
    public void A_time_in_the_autumn_overlap_takes_the_earlier_summer_offset(int hour, int minute, string expected) =>
        // 25 Oct 2026: Prague's clocks go back from 03:00 CEST to 02:00 CET; 02:30 happens twice, the first one counts.
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            LocalDay.ToInstant(new DateTime(2026, 10, 25, hour, minute, 0), Prague));

    [Fact]
    public void The_times_around_the_overlap_keep_their_own_offsets()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 59, 0, TimeSpan.Zero), LocalDay.ToInstant(new DateTime(2026, 10, 25, 1, 59, 0), Prague));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 0, 0, TimeSpan.Zero), LocalDay.ToInstant(new DateTime(2026, 10, 25, 3, 0, 0), Prague));
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void A_wall_clock_time_means_the_same_whatever_kind_the_DateTime_carries(DateTimeKind kind) =>
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero),
            LocalDay.ToInstant(new DateTime(2026, 11, 26, 10, 0, 0, kind), Prague));

    [Fact]
    public void A_day_runs_from_its_local_midnight_to_the_next()
    {
        var (from, to) = LocalDay.Range(new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 26), Prague);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void The_spring_forward_day_is_23_hours_long()
    {
        var (from, to) = LocalDay.Range(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), Prague);

        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(TimeSpan.FromHours(23), to - from);
    }

    [Fact]
    public void The_autumn_day_is_25_hours_long()
    {
        var (from, to) = LocalDay.Range(new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), Prague);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), to);
        Assert.Equal(TimeSpan.FromHours(25), to - from);
    }

    [Fact]
    public void A_range_of_days_over_a_clock_change_is_an_hour_shorter_or_longer()
    {
        var (springFrom, springTo) = LocalDay.Range(new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 29), Prague);
        var (autumnFrom, autumnTo) = LocalDay.Range(new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 25), Prague);

        Assert.Equal(TimeSpan.FromHours((7 * 24) - 1), springTo - springFrom);
        Assert.Equal(TimeSpan.FromHours((7 * 24) + 1), autumnTo - autumnFrom);
    }

    [Fact]
    public void The_day_of_an_instant_is_the_zones_calendar_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 27), LocalDay.DayOf(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero), Prague));
        Assert.Equal(new DateOnly(2026, 11, 26), LocalDay.DayOf(new DateTimeOffset(2026, 11, 27, 0, 59, 0, TimeSpan.FromHours(2)), Prague));
    }
}
