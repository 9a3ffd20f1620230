using System.Globalization;

namespace WapListing.Web.Localization;

/// <summary>How times and durations look in the viewer's culture and zone.</summary>
public static class DisplayFormat
{
    /// <summary>Seconds as h:mm:ss (hours are not wrapped at 24).</summary>
    public static string Duration(int seconds)
    {
        var sign = seconds < 0 ? "-" : string.Empty;
        var total = Math.Abs((long)seconds);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{total / 3600}:{total / 60 % 60:00}:{total % 60:00}");
    }

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateOnly date) => date.ToString("D", CultureInfo.CurrentCulture);
}
