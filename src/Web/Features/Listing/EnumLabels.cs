using System.Globalization;
using System.Resources;
using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Listing;

/// <summary>
/// The words the listing shows for its enum columns (Ended by, Missed), read from the shared resources in a
/// given language, so the query can sort by what the viewer reads rather than by the stored value.
/// </summary>
public static class EnumLabels
{
    private static readonly ResourceManager Resources = new("WapListing.Web.Resources.Localization.SharedResource", typeof(EnumLabels).Assembly);

    public static IReadOnlyList<(EndedBy Value, string Label)> EndedBy(string language) =>
        Enum.GetValues<EndedBy>().Select(e => (e, Text($"EndedBy.{e}", language))).ToList();

    /// <summary>The Missed column's words; a row that was never missed shows an empty cell.</summary>
    public static IReadOnlyList<(MissedState Value, string Label)> Missed(string language) =>
        Enum.GetValues<MissedState>().Select(m => (m, m == MissedState.None ? string.Empty : Text($"Missed.{m}", language))).ToList();

    private static string Text(string key, string language) =>
        Resources.GetString(key, CultureInfo.GetCultureInfo(language)) ?? key;
}
