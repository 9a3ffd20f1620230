using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Time;
using WapListing.Web.Api;
using WapListing.Web.Identity;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.ApiKeys;

public sealed record CreateApiKeyRequest
{
    public const int MaxNameLength = 200;

    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.ApiKeys.Name")]
    public string? Name { get; init; }

    [Required(ErrorMessage = ValidationMessages.Required)]
    [Display(Name = "Manage.ApiKeys.User")]
    public int? UserId { get; init; }

    [Display(Name = "Manage.ApiKeys.Scope.ingest")]
    public bool Ingest { get; init; }

    [Display(Name = "Manage.ApiKeys.Scope.read")]
    public bool Read { get; init; }

    /// <summary>The last day (in the viewer's zone) the key works; none: it never expires.</summary>
    [Display(Name = "Manage.ApiKeys.ExpiresOn")]
    public DateOnly? ExpiresOn { get; init; }
}

public sealed record ApiKeyUserOption(int Id, string DisplayName, string? UserName);

public sealed record CreateApiKeyForm(CreateApiKeyRequest Request, IReadOnlyList<ApiKeyUserOption> Users, string Today);

/// <summary>The new key, its secret shown once; nothing of it but the hash and the prefix is stored.</summary>
public sealed record CreatedApiKey(string Name, string Secret, string Prefix, string UserDisplayName, ApiKeyScopes Scopes, string? Expires);

/// <summary>A field that failed a rule the annotations cannot express, and its message key.</summary>
public sealed record FieldError(string Field, string MessageKey);

public sealed record CreateApiKeyResult(CreatedApiKey? Created, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Creates an API key: name, the active user whose rights a read key carries, at least one scope, an optional last
/// day in the future. Stores the secret's keyed hash and its public prefix and audits <c>api_key.created</c> (ids,
/// scopes, expiry — never the secret) in the same transaction.
/// </summary>
public sealed class CreateApiKey(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock, ApiKeySecrets secrets, ManageAudit audit)
{
    public const string ScopesField = "Scopes";

    public async Task<CreateApiKeyForm> FormAsync(CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive)
            .Select(u => new ApiKeyUserOption(u.Id, u.DisplayName, u.UserName))
            .ToListAsync(cancellationToken);
        var order = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        var today = LocalDay.Today(clock, viewer.TimeZone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new CreateApiKeyForm(request, users.OrderBy(u => u.DisplayName, order).ThenBy(u => u.Id).ToList(), today);
    }

    /// <summary>The rules the annotations cannot express: a scope, a last day not in the past, an active user.</summary>
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!request.Ingest && !request.Read)
        {
            errors.Add(new FieldError(ScopesField, "Manage.ApiKeys.ScopeRequired"));
        }

        if (request.ExpiresOn < LocalDay.Today(clock, viewer.TimeZone))
        {
            errors.Add(new FieldError(nameof(request.ExpiresOn), "Manage.ApiKeys.ExpiryInPast"));
        }

        if (request.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, cancellationToken))
        {
            errors.Add(new FieldError(nameof(request.UserId), "Manage.ApiKeys.UserNotActive"));
        }

        return errors;
    }

    public async Task<CreateApiKeyResult> HandleAsync(CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var errors = await ValidateAsync(request, cancellationToken);
        if (errors.Count > 0)
        {
            return new CreateApiKeyResult(null, errors);
        }

        var zone = viewer.TimeZone;
        var scopes = (request.Ingest ? ApiKeyScopes.Ingest : ApiKeyScopes.None) | (request.Read ? ApiKeyScopes.Read : ApiKeyScopes.None);
        DateTimeOffset? expiresAt = request.ExpiresOn is { } lastDay ? LocalDay.Range(lastDay, lastDay, zone).To : null;
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == request.UserId)
            .Select(u => new { u.Id, u.DisplayName })
            .SingleAsync(cancellationToken);

        var (secret, prefix) = ApiKeySecrets.Create();
        var key = new ApiKey
        {
            Name = request.Name!.Trim(),
            UserId = user.Id,
            Scopes = scopes,
            Prefix = prefix,
            SecretHash = await secrets.HashAsync(secret, cancellationToken),
            CreatedAt = clock.GetUtcNow(),
            CreatedById = viewer.UserId,
            ExpiresAt = expiresAt,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("api_key.created", "api_key", key.Id, after: new
        {
            name = key.Name,
            userId = key.UserId,
            scopes = ApiKeyClaims.Names(scopes).ToList(),
            expiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new CreateApiKeyResult(
            new CreatedApiKey(key.Name, secret, prefix, user.DisplayName, scopes, expiresAt is { } at ? ApiKeyRows.LastDay(at, zone) : null),
            []);
    }
}
