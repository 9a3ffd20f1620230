using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Infrastructure.Ingestion;

/// <summary>
/// The rule of which chat a customer's next message or event joins: their newest interaction on that connector that is
/// neither closed nor a draft. Webhook and events API ask it for many customers in one query.
/// </summary>
public static class OpenChats
{
    /// <summary>Tracked open chats by (connector, customer key); the caller holds the customers' locks.</summary>
    public static async Task<Dictionary<(int? ConnectorId, string CustomerKey), Interaction>> FindAsync(
        WapListingDbContext db, IEnumerable<(int? ConnectorId, string CustomerKey)> customers, CancellationToken cancellationToken)
    {
        var wanted = customers.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        var connectorIds = wanted.Select(c => c.ConnectorId).Distinct().ToList();
        var customerKeys = wanted.Select(c => c.CustomerKey).Distinct().ToList();
        return (await db.Interactions
                .Where(i => connectorIds.Contains(i.ConnectorId) && customerKeys.Contains(i.CustomerKey!) && i.ClosedTime == null && !i.IsDraft)
                .ToListAsync(cancellationToken))
            .GroupBy(i => (i.ConnectorId, i.CustomerKey!))
            .ToDictionary(g => g.Key, g => g.MaxBy(i => i.Time)!);
    }
}
