using WapListing.Infrastructure.Time;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>The time presets of DESIGN §5, relative to the viewer's today in the viewer's zone; weeks start on Monday.</summary>
public static class TimePresets
{
    /// <summary>The first and last local day a preset covers (Custom is not a preset of days: it gives today).</summary>
    public static (DateOnly First, DateOnly Last) Days(TimePreset preset, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            TimePreset.Yesterday => (today.AddDays(-1), today.AddDays(-1)),
            TimePreset.ThisWeek => (monday, monday.AddDays(6)),
            TimePreset.LastWeek => (monday.AddDays(-7), monday.AddDays(-1)),
            TimePreset.ThisMonth => (firstOfMonth, firstOfMonth.AddMonths(1).AddDays(-1)),
            TimePreset.LastMonth => (firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1)),
            TimePreset.Last7Days => (today.AddDays(-6), today),
            TimePreset.Last30Days => (today.AddDays(-29), today),
            TimePreset.ThisYear => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            _ => (today, today),
        };
    }

    /// <summary>The instants a preset covers: from its first local midnight (inclusive) to the midnight after its last day (exclusive).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(TimePreset preset, DateOnly today, TimeZoneInfo zone)
    {
        var (first, last) = Days(preset, today);
        return LocalDay.Range(first, last, zone);
    }
}
