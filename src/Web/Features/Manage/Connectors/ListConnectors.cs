using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Connectors;

/// <summary>Whether each write-only secret is stored: all that is ever shown of them.</summary>
public sealed record SecretsState(bool VerifyToken, bool AppSecret, bool AccessToken);

public sealed record ConnectorRow(
    int Id,
    string Name,
    string PhoneNumber,
    bool IsActive,
    string? ExternalKey,
    string? WhatsAppPhoneNumberId,
    string? DefaultQueue,
    int QueueCount,
    SecretsState Secrets);

/// <summary>The connectors: number, WhatsApp ids, default queue, how many queues route through each, which secrets are set.</summary>
public sealed class ListConnectors(WapListingDbContext db)
{
    public async Task<IReadOnlyList<ConnectorRow>> HandleAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Connectors.AsNoTracking()
            .Select(c => new ConnectorRow(
                c.Id,
                c.Name,
                c.PhoneNumber,
                c.IsActive,
                c.ExternalKey,
                c.WhatsAppPhoneNumberId,
                c.DefaultQueue == null ? null : c.DefaultQueue.Name,
                db.Queues.Count(q => q.ConnectorId == c.Id),
                new SecretsState(c.ProtectedVerifyToken != null, c.ProtectedAppSecret != null, c.ProtectedAccessToken != null)))
            .ToListAsync(cancellationToken);
        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return rows.OrderBy(r => r.Name, order).ThenBy(r => r.Id).ToList();
    }
}
