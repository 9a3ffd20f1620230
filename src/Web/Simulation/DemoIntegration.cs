using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;
using WapListing.Web.Api;

namespace WapListing.Web.Simulation;

/// <summary>One demo WhatsApp line the simulator plays on: the connector's external key and phone number id, its queue.</summary>
public sealed record SimulatedLine(string ConnectorKey, string PhoneNumberId, string QueueKey, bool Czech);

/// <summary>
/// The documented demo secrets that let <c>simulate</c> work with no options against the demo app: every demo connector
/// gets a WhatsApp phone number id, the verify token <see cref="VerifyToken"/> and the app secret <see cref="AppSecret"/>
/// (protected like any connector secret), external keys for its default queue and for eight agents, and an
/// <c>ingest</c> API key whose secret is <see cref="ApiKeySecret"/> (only its hash is stored). Applied by <c>seed demo</c>
/// and by the Development start that seeds the embedded database — never in Production unless <c>seed demo</c> is run
/// there explicitly. Idempotent: only what is missing is filled in.
/// </summary>
public static class DemoIntegration
{
    public const string VerifyToken = "demo-verify-token";
    public const string AppSecret = "demo-app-secret";
    /// <summary>A fixed secret of the usual key form (<c>wl_</c> + 8 hex + <c>_</c> + 43 base64url characters).</summary>
    public const string ApiKeySecret = "wl_dec0de00_demo-ingest-key-for-the-simulator-000000000";
    public const string ApiKeyPrefix = "wl_dec0de00";
    public const string ApiKeyName = "Demo simulator (ingest)";
    public const int AgentCount = 8;

    /// <summary>The demo lines, by the demo connectors' numbers and their default queues' names.</summary>
    public static readonly IReadOnlyList<(string PhoneNumber, string QueueName, SimulatedLine Line)> Lines =
    [
        ("+420800123456", "Podpora CZ", new SimulatedLine("wa-podpora", "106540000000001", "podpora-cz", Czech: true)),
        ("+420800654321", "Prodej CZ", new SimulatedLine("wa-prodej", "106540000000002", "prodej-cz", Czech: true)),
        ("+442071234567", "International Support", new SimulatedLine("wa-international", "106540000000003", "international-support", Czech: false)),
    ];

    /// <summary>External keys of the demo agents the simulator plays (the first active agents, by id).</summary>
    public static IReadOnlyList<string> AgentKeys { get; } = Enumerable.Range(1, AgentCount).Select(i => $"agent-{i:00}").ToArray();

    /// <summary>The queue transfers go to.</summary>
    public const string TransferQueueKey = "reklamace";
    private const string TransferQueueName = "Reklamace";

    public static async Task<string> ApplyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<WapListingDbContext>();
        var secrets = services.GetRequiredService<ConnectorSecrets>();
        var keySecrets = services.GetRequiredService<ApiKeySecrets>();
        var changes = 0;

        foreach (var (phoneNumber, queueName, line) in Lines)
        {
            var connector = await db.Connectors.FirstOrDefaultAsync(c => c.PhoneNumber == phoneNumber, cancellationToken);
            if (connector is null)
            {
                continue;
            }

            var queue = await db.Queues.FirstOrDefaultAsync(q => q.Name == queueName, cancellationToken);
            if (queue is not null && queue.ExternalKey is null && !await db.Queues.AnyAsync(q => q.ExternalKey == line.QueueKey, cancellationToken))
            {
                queue.ExternalKey = line.QueueKey;
                changes++;
            }

            if (connector.ExternalKey is null && !await db.Connectors.AnyAsync(c => c.ExternalKey == line.ConnectorKey, cancellationToken))
            {
                connector.ExternalKey = line.ConnectorKey;
                changes++;
            }

            if (connector.WhatsAppPhoneNumberId is null && !await db.Connectors.AnyAsync(c => c.WhatsAppPhoneNumberId == line.PhoneNumberId, cancellationToken))
            {
                connector.WhatsAppPhoneNumberId = line.PhoneNumberId;
                changes++;
            }

            if (connector.ProtectedVerifyToken is null)
            {
                connector.ProtectedVerifyToken = secrets.Protect(VerifyToken);
                changes++;
            }

            if (connector.ProtectedAppSecret is null)
            {
                connector.ProtectedAppSecret = secrets.Protect(AppSecret);
                changes++;
            }

            if (connector.DefaultQueueId is null && queue is not null)
            {
                connector.DefaultQueueId = queue.Id;
                changes++;
            }
        }

        var transferQueue = await db.Queues.FirstOrDefaultAsync(q => q.Name == TransferQueueName, cancellationToken);
        if (transferQueue is { ExternalKey: null } && !await db.Queues.AnyAsync(q => q.ExternalKey == TransferQueueKey, cancellationToken))
        {
            transferQueue.ExternalKey = TransferQueueKey;
            changes++;
        }

        var taken = await db.Users.Where(u => u.ExternalKey != null).Select(u => u.ExternalKey!).ToListAsync(cancellationToken);
        var missingKeys = new Queue<string>(AgentKeys.Where(k => !taken.Contains(k)));
        if (missingKeys.Count > 0)
        {
            var agents = await db.Users
                .Where(u => u.Role == UserRole.Agent && u.IsActive && u.ExternalKey == null)
                .OrderBy(u => u.Id)
                .Take(missingKeys.Count)
                .ToListAsync(cancellationToken);
            foreach (var agent in agents)
            {
                agent.ExternalKey = missingKeys.Dequeue();
                changes++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var hash = await keySecrets.HashAsync(ApiKeySecret, cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == ApiKeyPrefix, cancellationToken);
        var admin = await db.Users.Where(u => u.Role == UserRole.Administrator).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        if (key is null && admin is { } adminId)
        {
            db.ApiKeys.Add(new ApiKey
            {
                Name = ApiKeyName,
                UserId = adminId,
                Scopes = ApiKeyScopes.Ingest,
                Prefix = ApiKeyPrefix,
                SecretHash = hash,
                CreatedAt = DateTimeOffset.UtcNow,
            });
            changes++;
        }
        else if (key is not null && !key.SecretHash.AsSpan().SequenceEqual(hash))
        {
            // The hashing key changed since: the documented secret keeps working.
            key.SecretHash = hash;
            changes++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changes == 0 ? "demo integration already set" : $"demo integration set ({changes} changes)";
    }
}
