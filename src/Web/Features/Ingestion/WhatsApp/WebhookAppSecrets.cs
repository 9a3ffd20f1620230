using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>
/// The connectors' app secrets the webhook checks signatures against, read from the database at most every
/// <see cref="Freshness"/> instead of on each of hundreds of deliveries a second. A signature that fails against the
/// remembered secrets is checked again against fresh ones, so a secret just set works at once; Manage forgets them
/// when it saves a connector, so a secret removed there stops working at once on this node (other nodes within
/// <see cref="Freshness"/>).
/// </summary>
public sealed class WebhookAppSecrets(ConnectorSecrets secrets)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private Remembered? _remembered;

    public async Task<bool> IsSignedAsync(WapListingDbContext db, string? signature, byte[] body, CancellationToken cancellationToken)
    {
        var remembered = Volatile.Read(ref _remembered);
        if (remembered is not null && Stopwatch.GetElapsedTime(remembered.ReadAt) < Freshness)
        {
            if (WebhookSignature.IsValid(signature, body, remembered.Secrets))
            {
                return true;
            }
        }

        var fresh = await ReadAsync(db, cancellationToken);
        Volatile.Write(ref _remembered, fresh);
        return WebhookSignature.IsValid(signature, body, fresh.Secrets);
    }

    public void Forget() => Volatile.Write(ref _remembered, null);

    private async Task<Remembered> ReadAsync(WapListingDbContext db, CancellationToken cancellationToken)
    {
        var readAt = Stopwatch.GetTimestamp();
        var stored = await db.Connectors.AsNoTracking()
            .Where(c => c.ProtectedAppSecret != null)
            .Select(c => c.ProtectedAppSecret)
            .Distinct()
            .ToListAsync(cancellationToken);
        return new Remembered([.. stored.Select(secrets.Unprotect).OfType<string>()], readAt);
    }

    private sealed record Remembered(IReadOnlyList<string> Secrets, long ReadAt);
}
