using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Api;

/// <summary>What <c>GET /api/v1/me</c> answers: the key and whose rights it carries (never the secret or its hash).</summary>
public sealed record ApiCaller(string KeyName, string KeyPrefix, string User, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);

/// <summary>The calling API key, for integrators checking a key and for the API's own use.</summary>
public sealed class GetApiCaller(WapListingDbContext db, IHttpContextAccessor httpContextAccessor)
{
    public async Task<ApiCaller?> HandleAsync(CancellationToken cancellationToken)
    {
        var principal = httpContextAccessor.HttpContext?.User;
        if (!int.TryParse(principal?.FindFirstValue(ApiKeyClaims.KeyId), NumberStyles.None, CultureInfo.InvariantCulture, out var keyId))
        {
            return null;
        }

        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == keyId)
            .Select(k => new { k.Name, k.Prefix, k.User!.UserName, k.Scopes, k.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        return key is null
            ? null
            : new ApiCaller(key.Name, key.Prefix, key.UserName ?? string.Empty, ApiKeyClaims.Names(key.Scopes).ToList(), key.ExpiresAt?.ToUniversalTime());
    }
}
