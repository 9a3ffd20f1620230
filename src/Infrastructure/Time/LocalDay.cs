namespace WapListing.Infrastructure.Time;

/// <summary>
/// Turns local calendar times of a zone into instants (DESIGN §5). The one conversion of the app: the listing's
/// time ranges and the demo data's chat times both go through it.
/// </summary>
public static class LocalDay
{
    /// <summary>
    /// The instant a local wall-clock time denotes in a zone: a time in a DST gap moves forward by
    /// the length of the gap (02:30 on a spring-forward night is 03:30), a time in an overlap takes the earlier offset.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime localTime, TimeZoneInfo zone)
    {
        var local = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gap: the wall clock jumps; the offset before the gap maps it past the gap.
            var offsetBefore = zone.GetUtcOffset(local.AddHours(-3));
            return new DateTimeOffset(local - offsetBefore, TimeSpan.Zero);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var earlierOffset = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, earlierOffset).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The zone's calendar day now.</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) => DayOf(clock.GetUtcNow(), zone);

    /// <summary>The zone's calendar day at <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>[start of <paramref name="first"/>, start of the day after <paramref name="last"/>) in the zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Range(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        (ToInstant(first.ToDateTime(TimeOnly.MinValue), zone), ToInstant(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));
}
