using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Infrastructure.Ingestion;

/// <summary>
/// The PostgreSQL inbox of WhatsApp webhooks (DESIGN §9 A): bodies are committed here before the 200 and drained by
/// workers on any number of app nodes. A worker claims one waiting body with <c>FOR UPDATE SKIP LOCKED</c>, stores what
/// it says in the same transaction and marks it processed; a failure is retried with back-off, and after
/// <see cref="MaxAttempts"/> tries (at once for a body that is not JSON) the body is parked with its error — never
/// blocking the ones behind it.
/// </summary>
public static class WebhookInbox
{
    public const int MaxAttempts = 6;

    public static async Task<long> EnqueueAsync(WapListingDbContext db, byte[] body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = new WebhookInboxItem { Body = body, ReceivedAt = now, NextAttemptAt = now };
        db.WebhookInbox.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item.Id;
    }

    /// <summary>Processes one waiting body, if any; false when nothing was waiting.</summary>
    public static async Task<bool> ProcessNextAsync(WapListingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.WebhookInbox
            .FromSql($"""
                SELECT * FROM webhook_inbox
                 WHERE processed_at IS NULL AND parked_at IS NULL AND next_attempt_at <= {now}
                 ORDER BY next_attempt_at, id
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (claimed is not [var item])
        {
            return false;
        }

        await transaction.CreateSavepointAsync("body", cancellationToken);
        try
        {
            var content = WebhookReading.Read(WebhookPayload.Parse(item.Body));
            await new WhatsAppIngestion(db, clock).IngestAsync(content, cancellationToken);
            item.ProcessedAt = clock.GetUtcNow();
            item.Attempts++;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackToSavepointAsync("body", cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(item);
            item.Attempts++;
            item.LastError = Describe(e);
            if (e is JsonException || item.Attempts >= MaxAttempts)
            {
                item.ParkedAt = clock.GetUtcNow();
            }
            else
            {
                item.NextAttemptAt = clock.GetUtcNow() + Backoff(item.Attempts);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>2, 4, 8 … seconds, at most five minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }
}
