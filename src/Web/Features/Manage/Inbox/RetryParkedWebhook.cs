using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Ingestion.WhatsApp;

namespace WapListing.Web.Features.Manage.Inbox;

/// <summary>Sends a parked body back to the inbox workers (e.g. after its connector was set up); audited.</summary>
public sealed class RetryParkedWebhook(WapListingDbContext db, ManageAudit audit, InboxSignal signal, TimeProvider clock)
{
    /// <summary>False when no parked body has this id.</summary>
    public async Task<bool> HandleAsync(long id, CancellationToken cancellationToken)
    {
        var item = await db.WebhookInbox.SingleOrDefaultAsync(i => i.Id == id && i.ParkedAt != null && i.ProcessedAt == null, cancellationToken);
        if (item is null)
        {
            return false;
        }

        audit.Record("webhook.retried", "webhook_inbox", (int)Math.Min(item.Id, int.MaxValue), new { attempts = item.Attempts }, new { attempts = 0 });
        item.ParkedAt = null;
        item.Attempts = 0;
        item.NextAttemptAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return true;
    }
}
