using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.Domain.Entities;
using WapListing.Domain.Figures;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Ingestion;
using WapListing.Infrastructure.Missed;

namespace WapListing.Web.Features.Ingestion.Events;

/// <summary>What a stored batch did: new events, events already stored before (same ids), and the interactions touched.</summary>
public sealed record IngestedBatch(int Stored, int Duplicates, IReadOnlyList<string> Interactions);

/// <summary>The outcome of a batch: stored whole, or refused whole with the failing items' paths.</summary>
public sealed record IngestEventsResult(IngestedBatch? Batch, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>
/// <c>POST /api/v1/events</c> (DESIGN §9 B): a batch is validated whole, then stored whole in one transaction — reference
/// data upserted by external key, each event stored once by its id (a retried batch stores nothing twice), agent messages
/// added to the transcript — and the figures of every touched interaction recomputed from all of its events. The work
/// takes a fixed number of round trips whatever the batch's length.
/// </summary>
public sealed class IngestEvents(WapListingDbContext db, TimeProvider clock)
{
    /// <summary>Two batches touching the same rows in different orders may deadlock; PostgreSQL aborts one, which is run again.</summary>
    private const int Attempts = 3;

    public async Task<IngestEventsResult> HandleAsync(IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        var (valid, errors) = EventValidation.Validate(events);
        if (errors.Count > 0)
        {
            return new IngestEventsResult(null, errors);
        }

        db.ReusePreparedPlans();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(valid, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && IsTransientConflict(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static bool IsTransientConflict(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    private async Task<IngestEventsResult> StoreAsync(List<ValidEvent> valid, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var references = new References(db);
        foreach (var e in valid.Where(e => EventValidation.IsReference(e.Type)))
        {
            await references.UpsertAsync(e, cancellationToken);
        }

        var missing = await references.CheckAsync(valid, cancellationToken);
        if (missing.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new IngestEventsResult(null, missing);
        }

        var facts = valid.Where(e => !EventValidation.IsReference(e.Type)).ToList();
        await IngestionLocks.AcquireAsync(
            db,
            facts.Select(e => InteractionLock(e, references))
                .Concat(facts.Select(e => e.Raw.Message?.WhatsAppMessageId).OfType<string>().Select(IngestionLocks.WhatsAppMessage)),
            cancellationToken);
        var interactions = await ResolveAsync(facts, references, cancellationToken);
        var now = clock.GetUtcNow();
        var rows = facts.Select(e => Row(e, references, now)).ToList();
        foreach (var created in facts.Zip(rows).GroupBy(pair => interactions[pair.First.Index], pair => pair.Second)
                     .Where(g => db.Entry(g.Key).State == EntityState.Added))
        {
            InteractionProjection.ApplyToNew(created.Key, created.ToList(), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (e, row) in facts.Zip(rows))
        {
            row.InteractionId = interactions[e.Index].Id; // known once the new interactions are saved
        }

        var inserted = await InteractionEventStore.InsertNewAsync(db, rows, cancellationToken);
        await AddAgentMessagesAsync(facts.Where(e => e.FigureType == FigureEventType.AgentMessage && inserted.Contains(e.Raw.Id!)).ToList(), interactions, references, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // A batch sent again changes nothing: only interactions with new events are recomputed.
        var touched = facts.Where(e => inserted.Contains(e.Raw.Id!)).Select(e => interactions[e.Index].Id).ToHashSet();
        await InteractionProjection.RecomputeAsync(db, touched, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await ContactedBack.ApplyAsync(db, [.. touched, .. await AnsweringEarlierAsync(touched, cancellationToken)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var names = facts.Select(e => interactions[e.Index].Name).Distinct().ToList();
        return new IngestEventsResult(new IngestedBatch(inserted.Count, facts.Count - inserted.Count, names), null);
    }

    private static string InteractionLock(ValidEvent e, References references)
    {
        var reference = e.Raw.Interaction!;
        return reference.Name is { } name
            ? IngestionLocks.Interaction(name)
            : IngestionLocks.Customer(references.ConnectorId(reference.Connector), reference.Customer!);
    }

    /// <summary>
    /// Each event's interaction, by event index: by name (created when not there yet, so late and early events meet), or
    /// the customer's open chat on the connector. The caller holds the names' and customers' locks, and saves the new ones.
    /// </summary>
    private async Task<Dictionary<int, Interaction>> ResolveAsync(List<ValidEvent> facts, References references, CancellationToken cancellationToken)
    {
        var names = facts.Select(e => e.Raw.Interaction!.Name).OfType<string>().Distinct().ToList();
        var named = names.Count == 0
            ? []
            : await db.Interactions.Where(i => names.Contains(i.Name)).ToDictionaryAsync(i => i.Name, StringComparer.Ordinal, cancellationToken);
        var open = await OpenChats.FindAsync(
            db,
            facts.Where(e => e.Raw.Interaction!.Name is null).Select(e => (references.ConnectorId(e.Raw.Interaction!.Connector), e.Raw.Interaction!.Customer!)),
            cancellationToken);

        var resolved = new Dictionary<int, Interaction>();
        foreach (var e in facts)
        {
            var reference = e.Raw.Interaction!;
            var connectorId = references.ConnectorId(reference.Connector);
            Interaction? interaction;
            if (reference.Name is { } name)
            {
                if (!named.TryGetValue(name, out interaction))
                {
                    named[name] = interaction = Create(name, e, connectorId);
                }
            }
            else if (!open.TryGetValue((connectorId, reference.Customer!), out interaction))
            {
                open[(connectorId, reference.Customer!)] = interaction = Create(EntityNames.New(Interaction.NamePrefix), e, connectorId);
            }

            resolved[e.Index] = interaction;
        }

        return resolved;
    }

    private static InteractionEvent Row(ValidEvent e, References references, DateTimeOffset now) => new()
    {
        EventId = e.Raw.Id!,
        Type = e.FigureType!.Value,
        OccurredAt = e.OccurredAt,
        ReceivedAt = now,
        UserId = references.UserId(e.Raw.User),
        QueueId = references.QueueId(e.Raw.Queue),
        ActivityName = e.Raw.Activity,
        EndedBy = e.EndedBy,
        Detail = e.Raw.Notes is null ? null : JsonSerializer.Serialize(new { notes = e.Raw.Notes }),
    };

    private Interaction Create(string name, ValidEvent e, int? connectorId)
    {
        var reference = e.Raw.Interaction!;
        var interaction = new Interaction
        {
            Name = name,
            Time = e.OccurredAt,
            Direction = e.FigureType == FigureEventType.CreatedOutbound ? InteractionDirection.Out : InteractionDirection.In,
            ConnectorId = connectorId,
            CustomerKey = reference.Customer,
            CustomerNumber = reference.Customer,
            WhatsAppContact = reference.CustomerName,
        };
        db.Interactions.Add(interaction);
        return interaction;
    }

    /// <summary>The agents' messages of newly stored <c>message.sent</c> events, in the transcript once by WhatsApp message id.</summary>
    private async Task AddAgentMessagesAsync(
        List<ValidEvent> sent, Dictionary<int, Interaction> interactions, References references, CancellationToken cancellationToken)
    {
        if (sent.Count == 0)
        {
            return;
        }

        var wamids = sent.Select(e => e.Raw.Message!.WhatsAppMessageId!).ToList();
        var stored = (await db.Messages.AsNoTracking()
                .Where(m => wamids.Contains(m.WhatsAppMessageId))
                .Select(m => m.WhatsAppMessageId)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var userIds = sent.Select(e => references.UserId(e.Raw.User)).OfType<int>().Distinct().ToList();
        var authors = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var messages = new List<Message>();
        foreach (var e in sent.DistinctBy(e => e.Raw.Message!.WhatsAppMessageId, StringComparer.Ordinal))
        {
            var wamid = e.Raw.Message!.WhatsAppMessageId!;
            if (stored.Contains(wamid))
            {
                continue;
            }

            var interaction = interactions[e.Index];
            var userId = references.UserId(e.Raw.User);
            messages.Add(new Message
            {
                InteractionId = interaction.Id,
                Time = e.OccurredAt,
                Direction = MessageDirection.AgentToCustomer,
                AuthorUserId = userId,
                AuthorName = userId is { } id ? authors.GetValueOrDefault(id) : null,
                Type = MessageType.Text,
                Text = e.Raw.Message.Text,
                WhatsAppMessageId = wamid,
                DeliveryStatus = DeliveryStatus.Sent,
            });
            interaction.IsDraft = false;
        }

        await WhatsAppIngestion.ApplyReportedStatusesAsync(db, messages, cancellationToken);
        db.Messages.AddRange(messages);
    }

    /// <summary>
    /// Chats that already wrote to the customer of a touched chat which (through late events) turned out missed before
    /// that: they contacted it back too.
    /// </summary>
    private async Task<List<long>> AnsweringEarlierAsync(HashSet<long> touched, CancellationToken cancellationToken)
    {
        var missed = await db.Interactions.AsNoTracking()
            .Where(i => touched.Contains(i.Id) && i.MissedState == MissedState.Shown && i.CustomerNumber != null)
            .Select(i => new { i.Id, i.CustomerNumber, i.ConnectorId, At = i.MissedTime ?? i.Time })
            .ToListAsync(cancellationToken);
        if (missed.Count == 0)
        {
            return [];
        }

        var numbers = missed.Select(m => m.CustomerNumber!).Distinct().ToList();
        var writers = await db.Interactions.AsNoTracking()
            .Where(i => i.CustomerNumber != null && numbers.Contains(i.CustomerNumber)
                && i.Messages.Any(m => m.Direction == MessageDirection.AgentToCustomer))
            .Select(i => new
            {
                i.Id,
                i.CustomerNumber,
                i.ConnectorId,
                LastSent = i.Messages.Where(m => m.Direction == MessageDirection.AgentToCustomer).Max(m => m.Time),
            })
            .ToListAsync(cancellationToken);
        return writers
            .Where(w => missed.Any(m => m.Id != w.Id && m.CustomerNumber == w.CustomerNumber && m.ConnectorId == w.ConnectorId && w.LastSent > m.At))
            .Select(w => w.Id)
            .ToList();
    }
}
