using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Time;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Manage.ApiKeys;

public sealed record ApiKeysPage(IReadOnlyList<ApiKeyRow> Keys, string? Done);

/// <summary>Every API key, newest first, with its user, scopes, prefix, times and state (revoked and expired ones too).</summary>
public sealed class GetApiKeys(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    public async Task<ApiKeysPage> HandleAsync(string? done, CancellationToken cancellationToken) =>
        new(await ApiKeyRows.QueryAsync(db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id), viewer, clock, cancellationToken),
            done);
}

/// <summary>The shared projection of keys into <see cref="ApiKeyRow"/>s.</summary>
public static class ApiKeyRows
{
    public static async Task<List<ApiKeyRow>> QueryAsync(IQueryable<ApiKey> keys, CurrentViewer viewer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rows = await keys
            .Select(k => new KeyData(
                k.Id, k.Name, k.User!.DisplayName, k.User.UserName, k.User.IsActive, k.Scopes, k.Prefix,
                k.CreatedAt, k.ExpiresAt, k.LastUsedAt, k.RevokedAt, k.Version))
            .ToListAsync(cancellationToken);
        var zone = viewer.TimeZone;
        var now = clock.GetUtcNow();
        string? Shown(DateTimeOffset? instant) => instant is { } value ? DisplayFormat.DateTime(value, zone) : null;
        return rows
            .Select(k => new ApiKeyRow(
                k.Id, k.Name, k.DisplayName, k.UserName, k.UserIsActive, k.Scopes, k.Prefix,
                DisplayFormat.DateTime(k.CreatedAt, zone), k.ExpiresAt is { } expiresAt ? LastDay(expiresAt, zone) : null, Shown(k.LastUsedAt), Shown(k.RevokedAt),
                k.RevokedAt is not null ? ApiKeyState.Revoked : k.ExpiresAt <= now ? ApiKeyState.Expired : ApiKeyState.Active,
                k.Version))
            .ToList();
    }

    private sealed record KeyData(
        int Id, string Name, string DisplayName, string? UserName, bool UserIsActive, ApiKeyScopes Scopes, string Prefix,
        DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, uint Version);

    /// <summary>The last day a key works, in the viewer's zone: keys expire at the midnight after it.</summary>
    public static string LastDay(DateTimeOffset expiresAt, TimeZoneInfo zone) =>
        LocalDay.DayOf(expiresAt.AddTicks(-1), zone).ToString("d", System.Globalization.CultureInfo.CurrentCulture);
}
