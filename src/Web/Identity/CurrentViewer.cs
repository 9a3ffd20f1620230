using System.Globalization;
using System.Security.Claims;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Identity;

/// <summary>The signed-in user of this request: who they are, their zone, and (loaded once) their rights.</summary>
public sealed class CurrentViewer(IHttpContextAccessor httpContextAccessor, WapListingDbContext db)
{
    private ViewerRights? _rights;

    private ClaimsPrincipal Principal =>
        httpContextAccessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request.");

    public int UserId => int.Parse(
        Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in."),
        CultureInfo.InvariantCulture);

    public string DisplayName => Principal.FindFirstValue(ViewerClaims.DisplayName) ?? Principal.Identity?.Name ?? string.Empty;

    public UserRole Role => Enum.TryParse<UserRole>(Principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : UserRole.Agent;

    public TimeZoneInfo TimeZone => ViewerTimeZones.Find(Principal.FindFirstValue(ViewerClaims.TimeZone));

    public async Task<ViewerRights> GetRightsAsync(CancellationToken cancellationToken = default) =>
        _rights ??= Remembered() ?? await InteractionRights.LoadAsync(db, UserId, cancellationToken);

    /// <summary>
    /// The version of the catalog the pickers list, read by this request's sign-in check with the rights; null when this
    /// request did not read it (then nothing may be taken from a cache keyed by it).
    /// </summary>
    public long? CatalogVersion =>
        httpContextAccessor.HttpContext?.Items[RightsKey] is (int userId, ViewerRights, long version) && userId == UserId ? version : null;

    /// <summary>
    /// Keeps the rights and the catalog's version the sign-in check of this request read with the user
    /// (<see cref="PerRequestPrincipalRefresh"/>), for this request only.
    /// </summary>
    public static void RememberRights(HttpContext context, int userId, ViewerRights rights, long catalogVersion) =>
        context.Items[RightsKey] = (userId, rights, catalogVersion);

    private static readonly object RightsKey = new();

    private ViewerRights? Remembered() =>
        httpContextAccessor.HttpContext?.Items[RightsKey] is (int userId, ViewerRights rights, long) && userId == UserId ? rights : null;
}
