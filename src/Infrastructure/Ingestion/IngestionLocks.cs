using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Infrastructure.Ingestion;

/// <summary>
/// Transaction-scoped advisory locks that serialise work on one customer, one interaction name and one WhatsApp message
/// id across requests, inbox workers and app nodes. A transaction takes all of its keys in one statement, in one global
/// order, so two transactions locking overlapping sets wait for each other instead of deadlocking.
/// </summary>
public static class IngestionLocks
{
    public static string Customer(int? connectorId, string customerKey) => $"customer:{connectorId}:{customerKey}";

    public static string Interaction(string name) => "interaction:" + name;

    public static string WhatsAppMessage(string whatsAppMessageId) => "wamid:" + whatsAppMessageId;

    public static Task AcquireAsync(WapListingDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        return distinct.Length == 0
            ? Task.CompletedTask
            : db.Database.ExecuteSqlAsync(
                $"""
                SELECT count(pg_advisory_xact_lock(hash))
                  FROM (SELECT DISTINCT hashtextextended(key, 0) AS hash FROM unnest({distinct}) AS key ORDER BY 1) AS ordered
                """,
                cancellationToken);
    }
}
