using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Inbox;

/// <summary>A webhook body the workers gave up on, with why.</summary>
public sealed record ParkedWebhook(long Id, DateTimeOffset ReceivedAt, DateTimeOffset ParkedAt, int Attempts, int Size, string? LastError);

/// <summary>The WhatsApp inbox as administrators see it: how much waits, and the parked bodies, newest first.</summary>
public sealed record WebhookInboxPage(int Waiting, int Parked, IReadOnlyList<ParkedWebhook> ParkedBodies, string? Done);

/// <summary>
/// Manage → WhatsApp inbox (DESIGN §9 A): a body that keeps failing (not JSON, a phone number id no connector has…) is
/// parked with its error instead of blocking the others; here administrators see it and can send it back to the workers.
/// </summary>
public sealed class GetWebhookInbox(WapListingDbContext db)
{
    public const int Shown = 100;

    public async Task<WebhookInboxPage> HandleAsync(string? done, CancellationToken cancellationToken)
    {
        var counts = await db.WebhookInbox.AsNoTracking()
            .Where(i => i.ProcessedAt == null)
            .GroupBy(_ => 1)
            .Select(g => new { Waiting = g.Count(i => i.ParkedAt == null), Parked = g.Count(i => i.ParkedAt != null) })
            .SingleOrDefaultAsync(cancellationToken);
        var parked = await db.WebhookInbox.AsNoTracking()
            .Where(i => i.ParkedAt != null && i.ProcessedAt == null)
            .OrderByDescending(i => i.ParkedAt).ThenByDescending(i => i.Id)
            .Take(Shown)
            .Select(i => new ParkedWebhook(i.Id, i.ReceivedAt, i.ParkedAt!.Value, i.Attempts, i.Body.Length, i.LastError))
            .ToListAsync(cancellationToken);
        return new WebhookInboxPage(counts?.Waiting ?? 0, counts?.Parked ?? 0, parked, done);
    }
}
