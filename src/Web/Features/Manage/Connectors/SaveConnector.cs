using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;
using WapListing.Web.Features.Ingestion.WhatsApp;
using WapListing.Web.Features.Manage.Groups;
using WapListing.Web.Features.Manage.Queues;

namespace WapListing.Web.Features.Manage.Connectors;

/// <summary>
/// Creates a connector (<paramref name="id"/> null) or saves one over the version its form was loaded at. The secrets
/// are stored protected (<see cref="ConnectorSecrets"/>); the audit records only whether each was replaced or cleared.
/// </summary>
public sealed class SaveConnector(WapListingDbContext db, ManageAudit audit, ConnectorSecrets secrets, WebhookAppSecrets webhookAppSecrets)
{
    public const string PhoneNumberInvalid = "Manage.Connectors.PhoneNumberInvalid";
    public const string PhoneNumberIdTaken = "Manage.Connectors.PhoneNumberIdTaken";

    public async Task<ManageEditResult> HandleAsync(int? id, ConnectorRequest request, CancellationToken cancellationToken)
    {
        var connector = id is null
            ? new Connector { Name = string.Empty, PhoneNumber = string.Empty }
            : await db.Connectors.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (connector is null)
        {
            return ManageEditResult.NotFound;
        }

        if (ConnectorPhoneNumbers.Normalise(request.PhoneNumber!) is not { } phoneNumber)
        {
            return ManageEditResult.Invalid(nameof(ConnectorRequest.PhoneNumber), PhoneNumberInvalid);
        }

        var externalKey = UniqueKeys.Normalise(request.ExternalKey);
        if (externalKey is not null && await db.Connectors.AnyAsync(c => c.ExternalKey == externalKey && c.Id != connector.Id, cancellationToken))
        {
            return ManageEditResult.Invalid(nameof(ConnectorRequest.ExternalKey), UniqueKeys.ExternalKeyTaken);
        }

        var phoneNumberId = UniqueKeys.Normalise(request.WhatsAppPhoneNumberId);
        if (phoneNumberId is not null && await db.Connectors.AnyAsync(c => c.WhatsAppPhoneNumberId == phoneNumberId && c.Id != connector.Id, cancellationToken))
        {
            return ManageEditResult.Invalid(nameof(ConnectorRequest.WhatsAppPhoneNumberId), PhoneNumberIdTaken);
        }

        if (request.DefaultQueueId is { } queueId && !await db.Queues.AnyAsync(q => q.Id == queueId, cancellationToken))
        {
            return ManageEditResult.Invalid(nameof(ConnectorRequest.DefaultQueueId), "Manage.Connectors.QueueGone");
        }

        var before = id is null ? null : Snapshot(connector);
        if (id is not null)
        {
            db.Entry(connector).Property(c => c.Version).OriginalValue = request.Version;
            db.Entry(connector).Property(c => c.Name).IsModified = true;
        }

        connector.Name = request.Name!.Trim();
        connector.PhoneNumber = phoneNumber;
        connector.IsActive = request.IsActive;
        connector.ExternalKey = externalKey;
        connector.WhatsAppPhoneNumberId = phoneNumberId;
        connector.WhatsAppBusinessAccountId = UniqueKeys.Normalise(request.WhatsAppBusinessAccountId);
        connector.DefaultQueueId = request.DefaultQueueId;
        var verifyToken = Apply(connector.ProtectedVerifyToken, request.VerifyToken, request.ClearVerifyToken, v => connector.ProtectedVerifyToken = v);
        var appSecret = Apply(connector.ProtectedAppSecret, request.AppSecret, request.ClearAppSecret, v => connector.ProtectedAppSecret = v);
        var accessToken = Apply(connector.ProtectedAccessToken, request.AccessToken, request.ClearAccessToken, v => connector.ProtectedAccessToken = v);
        var changes = new
        {
            verifyTokenReplaced = verifyToken == SecretChange.Replaced,
            verifyTokenCleared = verifyToken == SecretChange.Cleared,
            appSecretReplaced = appSecret == SecretChange.Replaced,
            appSecretCleared = appSecret == SecretChange.Cleared,
            accessTokenReplaced = accessToken == SecretChange.Replaced,
            accessTokenCleared = accessToken == SecretChange.Cleared,
        };

        try
        {
            if (id is null)
            {
                // The audit entry needs the new id: both inserts in one transaction.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Connectors.Add(connector);
                await db.SaveChangesAsync(cancellationToken);
                audit.Record("connector.created", "connector", connector.Id, after: new { values = Snapshot(connector), secrets = changes });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                var after = Snapshot(connector);
                if (after != before || verifyToken != SecretChange.None || appSecret != SecretChange.None || accessToken != SecretChange.None)
                {
                    audit.Record("connector.updated", "connector", connector.Id, new { values = before }, new { values = after, secrets = changes });
                }

                await db.SaveChangesAsync(cancellationToken);
            }

            webhookAppSecrets.Forget();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ManageEditResult.Conflict;
        }
        catch (DbUpdateException exception) when (UniqueKeys.ViolatedIndex(exception) is { } index)
        {
            return index.Contains("phone_number_id", StringComparison.Ordinal)
                ? ManageEditResult.Invalid(nameof(ConnectorRequest.WhatsAppPhoneNumberId), PhoneNumberIdTaken)
                : ManageEditResult.Invalid(nameof(ConnectorRequest.ExternalKey), UniqueKeys.ExternalKeyTaken);
        }

        return ManageEditResult.Done(connector.Id);
    }

    private SecretChange Apply(string? stored, string? typed, bool clear, Action<string?> store)
    {
        if (!string.IsNullOrWhiteSpace(typed))
        {
            store(secrets.Protect(typed.Trim()));
            return SecretChange.Replaced;
        }

        if (clear && stored is not null)
        {
            store(null);
            return SecretChange.Cleared;
        }

        return SecretChange.None;
    }

    /// <summary>What the audit records of a connector: its plain settings and whether each secret is set — never a secret.</summary>
    private static ConnectorSnapshot Snapshot(Connector c) => new(
        c.Name,
        c.PhoneNumber,
        c.IsActive,
        c.ExternalKey,
        c.WhatsAppPhoneNumberId,
        c.WhatsAppBusinessAccountId,
        c.DefaultQueueId,
        c.ProtectedVerifyToken != null,
        c.ProtectedAppSecret != null,
        c.ProtectedAccessToken != null);

    private enum SecretChange
    {
        None,
        Replaced,
        Cleared,
    }

    private sealed record ConnectorSnapshot(
        string Name,
        string PhoneNumber,
        bool IsActive,
        string? ExternalKey,
        string? WhatsAppPhoneNumberId,
        string? WhatsAppBusinessAccountId,
        int? DefaultQueueId,
        bool VerifyTokenSet,
        bool AppSecretSet,
        bool AccessTokenSet);
}
