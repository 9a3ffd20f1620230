using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Manage.Groups;

namespace WapListing.Web.Features.Manage.Queues;

public sealed record ConnectorOption(int Id, string Name, string PhoneNumber, bool IsActive);

/// <summary>A queue's form (a new one when <see cref="Id"/> is null) with the connectors and queue groups to choose from.</summary>
public sealed record QueueFormPage(
    int? Id,
    string Name,
    int? ConnectorId,
    bool IsActive,
    string? ExternalKey,
    uint Version,
    IReadOnlyList<ConnectorOption> Connectors,
    IReadOnlyList<TickOption> Groups);

public sealed class GetQueueForm(WapListingDbContext db)
{
    public async Task<QueueFormPage?> HandleAsync(int? id, CancellationToken cancellationToken)
    {
        var queue = id is null
            ? new { Name = string.Empty, ConnectorId = (int?)null, IsActive = true, ExternalKey = (string?)null, Version = 0u, Groups = new List<int>() }
            : await db.Queues.AsNoTracking()
                .Where(q => q.Id == id)
                .Select(q => new { q.Name, q.ConnectorId, q.IsActive, q.ExternalKey, q.Version, Groups = q.Groups.Select(g => g.Id).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
        if (queue is null)
        {
            return null;
        }

        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var connectors = await db.Connectors.AsNoTracking()
            .Select(c => new ConnectorOption(c.Id, c.Name, c.PhoneNumber, c.IsActive))
            .ToListAsync(cancellationToken);
        var groups = await db.QueueGroups.AsNoTracking()
            .Select(g => new { g.Id, g.Name })
            .ToListAsync(cancellationToken);
        return new QueueFormPage(
            id,
            queue.Name,
            queue.ConnectorId,
            queue.IsActive,
            queue.ExternalKey,
            queue.Version,
            connectors.Where(c => c.IsActive || c.Id == queue.ConnectorId).OrderBy(c => c.Name, order).ThenBy(c => c.Id).ToList(),
            groups.OrderBy(g => g.Name, order).ThenBy(g => g.Id)
                .Select(g => new TickOption(g.Id, g.Name, null, true, queue.Groups.Contains(g.Id)))
                .ToList());
    }
}
