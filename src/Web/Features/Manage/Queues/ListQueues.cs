using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Queues;

public sealed record QueueRow(int Id, string Name, string? Connector, bool IsActive, string? ExternalKey, IReadOnlyList<string> Groups);

public sealed record QueueListPage(IReadOnlyList<QueueRow> Queues, bool ShowDeactivated, int HiddenDeactivated);

/// <summary>The queues with their connector and groups; deactivated ones only when asked for.</summary>
public sealed class ListQueues(WapListingDbContext db)
{
    public async Task<QueueListPage> HandleAsync(bool showDeactivated, CancellationToken cancellationToken)
    {
        var queues = await db.Queues.AsNoTracking()
            .Select(q => new
            {
                q.Id,
                q.Name,
                Connector = q.Connector == null ? null : q.Connector.Name,
                q.IsActive,
                q.ExternalKey,
                Groups = q.Groups.Select(g => g.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var shown = queues
            .Where(q => q.IsActive || showDeactivated)
            .OrderBy(q => q.Name, order)
            .ThenBy(q => q.Id)
            .Select(q => new QueueRow(q.Id, q.Name, q.Connector, q.IsActive, q.ExternalKey, q.Groups.Order(order).ToList()))
            .ToList();
        return new QueueListPage(shown, showDeactivated, queues.Count - shown.Count);
    }
}
