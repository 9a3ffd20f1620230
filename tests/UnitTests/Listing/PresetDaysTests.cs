using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.UnitTests.Listing;

/// <summary>The days each time preset of the listing covers (weeks start on Monday).</summary>
public sealed class PresetDaysTests
{
    // 23 Nov 2026 is a Monday, 29 Nov 2026 the Sunday of the same week.
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Wednesday = new(2026, 11, 25);
    private static readonly DateOnly Sunday = new(2026, 11, 29);

    [Fact]
    public void Today_is_just_today() =>
        Assert.Equal((Wednesday, Wednesday), TimePresets.Days(TimePreset.Today, Wednesday));

    [Fact]
    public void Yesterday_is_the_day_before()
    {
        Assert.Equal((new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 24)), TimePresets.Days(TimePreset.Yesterday, Wednesday));
        Assert.Equal((new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22)), TimePresets.Days(TimePreset.Yesterday, Monday));
    }

    [Fact]
    public void Yesterday_crosses_month_and_year_boundaries()
    {
        Assert.Equal((new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 28)), TimePresets.Days(TimePreset.Yesterday, new DateOnly(2026, 3, 1)));
        Assert.Equal((new DateOnly(2028, 2, 29), new DateOnly(2028, 2, 29)), TimePresets.Days(TimePreset.Yesterday, new DateOnly(2028, 3, 1)));
        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)), TimePresets.Days(TimePreset.Yesterday, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void This_week_runs_from_Monday_to_Sunday_on_any_day_of_it()
    {
        var week = (Monday, Sunday);

        Assert.Equal(week, TimePresets.Days(TimePreset.ThisWeek, Monday));
        Assert.Equal(week, TimePresets.Days(TimePreset.ThisWeek, Wednesday));
        Assert.Equal(week, TimePresets.Days(TimePreset.ThisWeek, Sunday));
    }

    [Fact]
    public void On_a_Sunday_this_week_is_the_one_that_began_on_the_Monday_before_not_a_new_one()
    {
        var (first, last) = TimePresets.Days(TimePreset.ThisWeek, Sunday);

        Assert.Equal(DayOfWeek.Monday, first.DayOfWeek);
        Assert.Equal(Sunday, last);
    }

    [Fact]
    public void Last_week_is_the_Monday_to_Sunday_before_this_one()
    {
        var lastWeek = (new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22));

        Assert.Equal(lastWeek, TimePresets.Days(TimePreset.LastWeek, Monday));
        Assert.Equal(lastWeek, TimePresets.Days(TimePreset.LastWeek, Sunday));
    }

    [Fact]
    public void A_week_may_span_two_months_and_two_years()
    {
        // 31 Dec 2026 is a Thursday.
        Assert.Equal((new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)), TimePresets.Days(TimePreset.ThisWeek, new DateOnly(2026, 12, 31)));
        // 1 Jan 2027 is a Friday; 4 Jan 2027 the next Monday.
        Assert.Equal((new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)), TimePresets.Days(TimePreset.LastWeek, new DateOnly(2027, 1, 4)));
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)), TimePresets.Days(TimePreset.ThisWeek, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void This_month_runs_from_the_first_to_the_last_day_of_the_month()
    {
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), TimePresets.Days(TimePreset.ThisMonth, Wednesday));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), TimePresets.Days(TimePreset.ThisMonth, new DateOnly(2026, 12, 31)));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), TimePresets.Days(TimePreset.ThisMonth, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void February_ends_on_the_29th_in_a_leap_year_only()
    {
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), TimePresets.Days(TimePreset.ThisMonth, new DateOnly(2026, 2, 15)));
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), TimePresets.Days(TimePreset.ThisMonth, new DateOnly(2028, 2, 15)));
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), TimePresets.Days(TimePreset.ThisMonth, new DateOnly(2028, 2, 29)));
    }

    [Fact]
    public void Last_month_is_the_whole_previous_month()
    {
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), TimePresets.Days(TimePreset.LastMonth, Wednesday));
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), TimePresets.Days(TimePreset.LastMonth, new DateOnly(2026, 3, 31)));
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 2, 29)), TimePresets.Days(TimePreset.LastMonth, new DateOnly(2028, 3, 1)));
    }

    [Fact]
    public void Last_month_in_January_is_the_previous_December()
    {
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), TimePresets.Days(TimePreset.LastMonth, new DateOnly(2027, 1, 1)));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)), TimePresets.Days(TimePreset.LastMonth, new DateOnly(2027, 1, 31)));
    }

    [Fact]
    public void Last_7_days_are_today_and_the_six_before()
    {
        Assert.Equal((new DateOnly(2026, 11, 19), Wednesday), TimePresets.Days(TimePreset.Last7Days, Wednesday));
        Assert.Equal((new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 1)), TimePresets.Days(TimePreset.Last7Days, new DateOnly(2026, 3, 1)));
        Assert.Equal((new DateOnly(2028, 2, 24), new DateOnly(2028, 3, 1)), TimePresets.Days(TimePreset.Last7Days, new DateOnly(2028, 3, 1)));
        Assert.Equal((new DateOnly(2026, 12, 27), new DateOnly(2027, 1, 2)), TimePresets.Days(TimePreset.Last7Days, new DateOnly(2027, 1, 2)));
    }

    [Fact]
    public void Last_30_days_are_today_and_the_29_before_counting_a_leap_day()
    {
        Assert.Equal((new DateOnly(2026, 10, 27), Wednesday), TimePresets.Days(TimePreset.Last30Days, Wednesday));
        Assert.Equal((new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1)), TimePresets.Days(TimePreset.Last30Days, new DateOnly(2026, 3, 1)));
        Assert.Equal((new DateOnly(2028, 2, 1), new DateOnly(2028, 3, 1)), TimePresets.Days(TimePreset.Last30Days, new DateOnly(2028, 3, 1)));
        Assert.Equal((new DateOnly(2026, 12, 3), new DateOnly(2027, 1, 1)), TimePresets.Days(TimePreset.Last30Days, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void This_year_runs_from_1_January_to_31_December()
    {
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), TimePresets.Days(TimePreset.ThisYear, Wednesday));
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), TimePresets.Days(TimePreset.ThisYear, new DateOnly(2027, 1, 1)));
        Assert.Equal((new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)), TimePresets.Days(TimePreset.ThisYear, new DateOnly(2028, 12, 31)));
    }

    [Fact]
    public void Custom_has_no_days_of_its_own_and_falls_back_to_today() =>
        Assert.Equal((Wednesday, Wednesday), TimePresets.Days(TimePreset.Custom, Wednesday));

    [Theory]
    [MemberData(nameof(EveryPresetOnEdgeDays))]
    public void Every_preset_covers_whole_days_that_hold_today_or_end_before_it(TimePreset preset, DateOnly today)
    {
        var (first, last) = TimePresets.Days(preset, today);

        Assert.True(first <= last);
        if (preset is TimePreset.ThisWeek or TimePreset.ThisMonth or TimePreset.ThisYear)
        {
            Assert.InRange(today, first, last);
        }
        else if (preset is TimePreset.Yesterday or TimePreset.LastWeek or TimePreset.LastMonth)
        {
            Assert.True(last < today);
        }
        else
        {
            Assert.Equal(today, last);
        }
    }

    public static TheoryData<TimePreset, DateOnly> EveryPresetOnEdgeDays()
    {
        var data = new TheoryData<TimePreset, DateOnly>();
        DateOnly[] days = [Monday, Sunday, new(2026, 1, 1), new(2026, 12, 31), new(2028, 2, 29), new(2028, 3, 1)];
        foreach (var preset in Enum.GetValues<TimePreset>())
        {
            foreach (var day in days)
            {
                data.Add(preset, day);
            }
        }

        return data;
    }
}
