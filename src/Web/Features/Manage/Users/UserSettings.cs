using System.Collections.Frozen;
using WapListing.Domain.Entities;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Manage.Users;

/// <summary>The choices of a user's settings in Manage → Users (role, time zone, language) and what the server accepts.</summary>
public static class UserSettings
{
    public const int MaxUserNameLength = 256;
    public const int MaxDisplayNameLength = 200;
    public const int MaxPasswordLength = 128;

    /// <summary>The IANA ids of the zones this machine knows, alphabetically; Windows ids (which .NET would also accept) are not offered.</summary>
    public static readonly IReadOnlyList<string> TimeZoneIds =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => !id.Contains(' ', StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    private static readonly FrozenSet<string> KnownTimeZones = TimeZoneIds.ToFrozenSet(StringComparer.Ordinal);

    public static readonly IReadOnlyList<UserRole> Roles = [UserRole.Agent, UserRole.Manager, UserRole.Supervisor, UserRole.Administrator];

    public static bool IsTimeZone(string? id) => id is not null && KnownTimeZones.Contains(id);

    /// <summary>Empty (or null) follows the browser; otherwise one of the app's languages.</summary>
    public static bool IsLanguage(string? language) => string.IsNullOrEmpty(language) || SupportedCultures.IsSupported(language);

    public static string? StoredLanguage(string? language) => string.IsNullOrEmpty(language) ? null : language.ToLowerInvariant();
}
