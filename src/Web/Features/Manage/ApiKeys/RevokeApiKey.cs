using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Web.Api;
using WapListing.Web.Identity;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.ApiKeys;

public sealed record RevokeApiKeyRequest
{
    /// <summary>The key's version the administrator confirmed; a change since then is a conflict.</summary>
    [Required(ErrorMessage = ValidationMessages.Required)]
    public uint? Version { get; init; }
}

public enum RevokeOutcome
{
    Revoked,
    NotFound,
    AlreadyRevoked,
    Conflict,
}

/// <summary>The confirmation page: the key and, after a conflict, the notice.</summary>
public sealed record RevokeApiKeyConfirmation(ApiKeyRow Key, bool Conflict);

/// <summary>
/// Revokes a key: it stops working at its next request. Checked against the confirmed version (PostgreSQL's xmin),
/// so a key changed meanwhile — revoked by someone else, or used — is shown again instead of acted on blindly.
/// </summary>
public sealed class RevokeApiKey(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock, ManageAudit audit)
{
    public async Task<RevokeApiKeyConfirmation?> ConfirmationAsync(int id, bool conflict, CancellationToken cancellationToken)
    {
        var rows = await ApiKeyRows.QueryAsync(db.ApiKeys.AsNoTracking().Where(k => k.Id == id), viewer, clock, cancellationToken);
        return rows.Count == 0 ? null : new RevokeApiKeyConfirmation(rows[0], conflict);
    }

    public async Task<RevokeOutcome> HandleAsync(int id, RevokeApiKeyRequest request, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return RevokeOutcome.NotFound;
        }

        if (key.RevokedAt is not null)
        {
            return RevokeOutcome.AlreadyRevoked;
        }

        db.Entry(key).Property(k => k.Version).OriginalValue = request.Version!.Value;
        key.RevokedAt = clock.GetUtcNow();
        audit.Record("api_key.revoked", "api_key", key.Id,
            before: new { revoked = false },
            after: new { revoked = true, userId = key.UserId, scopes = ApiKeyClaims.Names(key.Scopes).ToList(), expiresAt = key.ExpiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return RevokeOutcome.Revoked;
        }
        catch (DbUpdateConcurrencyException)
        {
            return RevokeOutcome.Conflict;
        }
    }
}
