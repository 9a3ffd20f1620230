using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Infrastructure.Ingestion;

/// <summary>
/// The PostgreSQL inbox of WhatsApp webhooks (DESIGN §9 A): bodies are committed here before the 200 and drained by
/// workers on any number of app nodes. A worker claims a batch of waiting bodies with <c>FOR UPDATE SKIP LOCKED</c>,
/// stores what they say in the same transaction and marks them processed. When the batch fails, each of its bodies is
/// tried on its own, so one bad body cannot hold back the others; a failing body is retried with back-off, and after
/// <see cref="MaxAttempts"/> tries (at once for a body that is not JSON) it is parked with its error.
/// </summary>
public static class WebhookInbox
{
    public const int MaxAttempts = 6;

    /// <summary>Bodies claimed together: large enough to keep up with hundreds of webhooks a second, small enough to finish fast.</summary>
    public const int BatchSize = 100;

    public static async Task<long> EnqueueAsync(WapListingDbContext db, byte[] body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = await db.Database
            .SqlQuery<long>($"INSERT INTO webhook_inbox (body, received_at, next_attempt_at, attempts) VALUES ({body}, {now}, {now}, 0) RETURNING id AS \"Value\"")
            .ToListAsync(cancellationToken);
        return ids.Single();
    }

    /// <summary>Processes one batch of waiting bodies, if any; returns how many were claimed (0 when nothing was waiting).</summary>
    public static async Task<int> ProcessBatchAsync(WapListingDbContext db, TimeProvider clock, int batchSize, CancellationToken cancellationToken)
    {
        db.ReusePreparedPlans();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.WebhookInbox
            .FromSql($"""
                SELECT * FROM webhook_inbox
                 WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= {now}
                 ORDER BY next_attempt_at, id
                 LIMIT {batchSize}
                   FOR UPDATE SKIP LOCKED
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var readable = new List<(WebhookInboxItem Item, WebhookContent Content)>(claimed.Count);
        foreach (var item in claimed)
        {
            try
            {
                readable.Add((item, WebhookReading.Read(WebhookPayload.Parse(item.Body))));
            }
            catch (JsonException e)
            {
                await FailAsync(db, item, e, clock, cancellationToken);
            }
        }

        if (!await TryIngestAsync(db, transaction, clock, readable, cancellationToken) && readable.Count > 1)
        {
            foreach (var one in readable)
            {
                await TryIngestAsync(db, transaction, clock, [one], cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed.Count;
    }

    /// <summary>
    /// Deletes up to <paramref name="limit"/> processed bodies received before <paramref name="receivedBefore"/>, oldest
    /// first; returns how many. Waiting and parked bodies are kept whatever their age.
    /// </summary>
    public static Task<int> PurgeProcessedAsync(WapListingDbContext db, DateTimeOffset receivedBefore, int limit, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM webhook_inbox
             WHERE id IN (SELECT id FROM webhook_inbox
                           WHERE processed_at IS NOT NULL AND received_at < {receivedBefore}
                           ORDER BY received_at
                           LIMIT {limit})
            """,
            cancellationToken);

    /// <summary>2, 4, 8 … seconds, at most five minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));

    /// <summary>Stores the bodies together behind a savepoint and marks them processed; on failure undoes them (a single body is marked failed).</summary>
    private static async Task<bool> TryIngestAsync(
        WapListingDbContext db, IDbContextTransaction transaction, TimeProvider clock, List<(WebhookInboxItem Item, WebhookContent Content)> bodies, CancellationToken cancellationToken)
    {
        if (bodies.Count == 0)
        {
            return true;
        }

        await transaction.CreateSavepointAsync("bodies", cancellationToken);
        try
        {
            await new WhatsAppIngestion(db, clock).IngestAsync(bodies.Select(b => b.Content).ToList(), cancellationToken);
            var ids = bodies.Select(b => b.Item.Id).ToList();
            var processedAt = clock.GetUtcNow();
            await db.WebhookInbox
                .Where(i => ids.Contains(i.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.ProcessedAt, processedAt).SetProperty(i => i.Attempts, i => i.Attempts + 1), cancellationToken);
            await transaction.ReleaseSavepointAsync("bodies", cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackToSavepointAsync("bodies", cancellationToken);
            db.ChangeTracker.Clear();
            if (bodies is [var (item, _)])
            {
                await FailAsync(db, item, e, clock, cancellationToken);
            }

            return false;
        }
    }

    private static Task FailAsync(WapListingDbContext db, WebhookInboxItem item, Exception e, TimeProvider clock, CancellationToken cancellationToken)
    {
        var attempts = item.Attempts + 1;
        var error = Describe(e);
        var now = clock.GetUtcNow();
        DateTimeOffset? parkedAt = e is JsonException || attempts >= MaxAttempts ? now : null;
        var nextAttemptAt = parkedAt is null ? now + Backoff(attempts) : item.NextAttemptAt;
        return db.WebhookInbox
            .Where(i => i.Id == item.Id)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(i => i.Attempts, attempts)
                    .SetProperty(i => i.LastError, error)
                    .SetProperty(i => i.ParkedAt, parkedAt)
                    .SetProperty(i => i.NextAttemptAt, nextAttemptAt),
                cancellationToken);
    }

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }
}
