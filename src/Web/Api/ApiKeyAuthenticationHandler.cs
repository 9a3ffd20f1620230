using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;

namespace WapListing.Web.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> with one indexed lookup of the key's hash. Unknown, revoked
/// and expired keys and keys of deactivated users are refused. The principal carries the same claims as the user's
/// cookie principal (so <see cref="CurrentViewer"/> and the rights rule apply unchanged: a read key reads with its
/// user's rights, looked up per request) plus the key's id and scopes. Refusals are problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WapListingDbContext db,
    ApiKeySecrets secrets,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>How stale the shown last use may be: it is written at most once per key in this time.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private const string BearerPrefix = "Bearer ";

    private sealed record KeySnapshot(
        int Id, ApiKeyScopes Scopes, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt,
        int UserId, string? UserName, string DisplayName, bool UserIsActive, UserRole Role, string TimeZoneId, string? Language);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var header = headers.Count == 1 ? headers[0] ?? string.Empty : string.Empty;
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be one 'Bearer <API key>'.");
        }

        var secret = header[BearerPrefix.Length..].Trim();
        if (!ApiKeySecrets.HasSecretForm(secret))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var cancellationToken = Context.RequestAborted;
        var hash = await secrets.HashAsync(secret, cancellationToken);
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.SecretHash == hash)
            .Select(k => new KeySnapshot(
                k.Id, k.Scopes, k.ExpiresAt, k.RevokedAt, k.LastUsedAt,
                k.UserId, k.User!.UserName, k.User.DisplayName, k.User.IsActive, k.User.Role, k.User.TimeZoneId, k.User.Language))
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var refusal = key switch
        {
            null => "The API key is not valid.",
            { RevokedAt: not null } => "The API key has been revoked.",
            { ExpiresAt: { } expiresAt } when expiresAt <= now => "The API key has expired.",
            { UserIsActive: false } => "The API key's user is deactivated.",
            _ => null,
        };
        if (refusal is not null)
        {
            return AuthenticateResult.Fail(refusal);
        }

        await RecordUseAsync(key!, now, cancellationToken);
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(key!), Scheme.Name));
    }

    private ClaimsPrincipal Principal(KeySnapshot key)
    {
        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, key.UserId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ClaimTypes.Name, key.UserName ?? string.Empty));
        identity.AddClaim(new Claim(ClaimTypes.Role, key.Role.ToString()));
        identity.AddClaim(new Claim(ViewerClaims.DisplayName, key.DisplayName));
        identity.AddClaim(new Claim(ViewerClaims.TimeZone, key.TimeZoneId));
        if (!string.IsNullOrEmpty(key.Language))
        {
            identity.AddClaim(new Claim(ViewerClaims.Language, key.Language));
        }

        identity.AddClaim(new Claim(ApiKeyClaims.KeyId, key.Id.ToString(CultureInfo.InvariantCulture)));
        foreach (var scope in ApiKeyClaims.Names(key.Scopes))
        {
            identity.AddClaim(new Claim(ApiKeyClaims.Scope, scope));
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Last use, written at most once per <see cref="LastUseResolution"/>, and an <c>api_key.used</c> audit entry on the
    /// key's first use of a (UTC) day — one statement, so concurrent requests neither write twice nor audit twice.
    /// </summary>
    private async Task RecordUseAsync(KeySnapshot key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var staleBefore = now - LastUseResolution;
        if (key.LastUsedAt is { } lastUsed && lastUsed >= staleBefore)
        {
            return;
        }

        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var detail = JsonSerializer.Serialize(new { subject = "api_key", id = key.Id });
        await db.Database.ExecuteSqlAsync(
            $"""
            WITH used AS (
                UPDATE api_keys AS k SET last_used_at = {now}
                FROM (SELECT id, last_used_at FROM api_keys WHERE id = {key.Id} FOR UPDATE) AS previous
                WHERE k.id = previous.id AND (previous.last_used_at IS NULL OR previous.last_used_at < {staleBefore})
                RETURNING previous.last_used_at AS previous_use)
            INSERT INTO audit_entries (time, user_id, action, detail)
            SELECT {now}, {key.UserId}, 'api_key.used', CAST({detail} AS jsonb) FROM used
            WHERE used.previous_use IS NULL OR used.previous_use < {dayStart}
            """,
            cancellationToken);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var failure = result.Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{failure}\"";
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            failure ?? "This API needs an API key: send 'Authorization: Bearer <API key>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "The API key's scopes do not allow this request.");

    private Task WriteProblemAsync(int status, string detail)
    {
        Response.Headers.CacheControl = "no-store";
        return Results.Problem(statusCode: status, detail: detail).ExecuteAsync(Context);
    }
}
