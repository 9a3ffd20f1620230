using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Ingestion.Events;

/// <summary>
/// Users, queues and connectors named by external key in one batch: upserted by the batch's reference events, then
/// looked up once. A key nobody knows is reported with the path of the event that used it.
/// </summary>
internal sealed class References(WapListingDbContext db)
{
    private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _connectors = new(StringComparer.Ordinal);

    public int? UserId(string? key) => key is not null && _users.TryGetValue(key, out var id) ? id : null;

    public int? QueueId(string? key) => key is not null && _queues.TryGetValue(key, out var id) ? id : null;

    public int? ConnectorId(string? key) => key is not null && _connectors.TryGetValue(key, out var id) ? id : null;

    public async Task UpsertAsync(ValidEvent e, CancellationToken cancellationToken)
    {
        var record = e.Raw.Record!;
        var key = record.ExternalKey!;
        switch (e.Type)
        {
            case EventValidation.UserUpserted:
                var user = await db.Users.SingleOrDefaultAsync(u => u.ExternalKey == key, cancellationToken);
                if (user is null)
                {
                    // Users made by integrations cannot sign in until an administrator sets a password in Manage.
                    user = new User { DisplayName = record.Name!, ExternalKey = key, SecurityStamp = Guid.NewGuid().ToString() };
                    db.Users.Add(user);
                }

                user.DisplayName = record.Name!;
                user.UserName = record.Login;
                user.NormalizedUserName = record.Login!.ToUpperInvariant();
                user.IsActive = record.Active ?? user.IsActive;
                await db.SaveChangesAsync(cancellationToken);
                _users[key] = user.Id;
                break;
            case EventValidation.ConnectorUpserted:
                var connector = await db.Connectors.SingleOrDefaultAsync(c => c.ExternalKey == key, cancellationToken);
                if (connector is null)
                {
                    connector = new Connector { Name = record.Name!, PhoneNumber = record.PhoneNumber!, ExternalKey = key };
                    db.Connectors.Add(connector);
                }

                connector.Name = record.Name!;
                connector.PhoneNumber = record.PhoneNumber!;
                connector.IsActive = record.Active ?? connector.IsActive;
                await db.SaveChangesAsync(cancellationToken);
                _connectors[key] = connector.Id;
                break;
            case EventValidation.QueueUpserted:
                var queue = await db.Queues.SingleOrDefaultAsync(q => q.ExternalKey == key, cancellationToken);
                if (queue is null)
                {
                    queue = new Queue { Name = record.Name!, ExternalKey = key };
                    db.Queues.Add(queue);
                }

                queue.Name = record.Name!;
                queue.IsActive = record.Active ?? queue.IsActive;
                if (record.Connector is { } connectorKey)
                {
                    queue.ConnectorId = ConnectorId(connectorKey)
                        ?? await db.Connectors.Where(c => c.ExternalKey == connectorKey).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                _queues[key] = queue.Id;
                break;
            default:
                break;
        }
    }

    /// <summary>Looks up every other key the batch names, in three queries; returns the unknown ones by path.</summary>
    public async Task<Dictionary<string, string[]>> CheckAsync(IReadOnlyList<ValidEvent> events, CancellationToken cancellationToken)
    {
        var wanted = events.Where(e => !EventValidation.IsReference(e.Type)).ToList();
        var userKeys = wanted.Select(e => e.Raw.User).OfType<string>().Where(k => !_users.ContainsKey(k)).Distinct().ToList();
        var queueKeys = wanted.Select(e => e.Raw.Queue).OfType<string>().Where(k => !_queues.ContainsKey(k)).Distinct().ToList();
        var connectorKeys = wanted.Select(e => e.Raw.Interaction?.Connector).OfType<string>().Where(k => !_connectors.ContainsKey(k)).Distinct().ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(u => u.ExternalKey != null && userKeys.Contains(u.ExternalKey)).Select(u => new { u.ExternalKey, u.Id }).ToListAsync(cancellationToken))
        {
            _users[u.ExternalKey!] = u.Id;
        }

        foreach (var q in await db.Queues.AsNoTracking().Where(q => q.ExternalKey != null && queueKeys.Contains(q.ExternalKey)).Select(q => new { q.ExternalKey, q.Id }).ToListAsync(cancellationToken))
        {
            _queues[q.ExternalKey!] = q.Id;
        }

        foreach (var c in await db.Connectors.AsNoTracking().Where(c => c.ExternalKey != null && connectorKeys.Contains(c.ExternalKey)).Select(c => new { c.ExternalKey, c.Id }).ToListAsync(cancellationToken))
        {
            _connectors[c.ExternalKey!] = c.Id;
        }

        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var e in wanted)
        {
            if (e.Raw.User is { } user && !_users.ContainsKey(user))
            {
                missing[$"[{e.Index}].user"] = [$"No user has the external key \"{user}\"."];
            }

            if (e.Raw.Queue is { } queue && !_queues.ContainsKey(queue))
            {
                missing[$"[{e.Index}].queue"] = [$"No queue has the external key \"{queue}\"."];
            }

            if (e.Raw.Interaction?.Connector is { } connector && !_connectors.ContainsKey(connector))
            {
                missing[$"[{e.Index}].interaction.connector"] = [$"No connector has the external key \"{connector}\"."];
            }
        }

        return missing;
    }
}
