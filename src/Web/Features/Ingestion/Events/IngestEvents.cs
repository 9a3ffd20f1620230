using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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
/// added to the transcript — and the figures of every touched interaction recomputed from all of its events.
/// </summary>
public sealed class IngestEvents(WapListingDbContext db, TimeProvider clock)
{
    public async Task<IngestEventsResult> HandleAsync(IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        var (valid, errors) = EventValidation.Validate(events);
        if (errors.Count > 0)
        {
            return new IngestEventsResult(null, errors);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
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

            var now = clock.GetUtcNow();
            var touched = new Dictionary<long, string>();
            var stored = 0;
            foreach (var e in valid.Where(e => !EventValidation.IsReference(e.Type)))
            {
                var interaction = await ResolveAsync(e, references, cancellationToken);
                touched[interaction.Id] = interaction.Name;
                var inserted = await db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO interaction_events (event_id, interaction_id, type, occurred_at, received_at, user_id, queue_id, activity_name, ended_by, detail)
                    VALUES ({e.Raw.Id}, {interaction.Id}, {e.FigureType!.Value.ToString()}, {e.OccurredAt}, {now},
                            {references.UserId(e.Raw.User)}, {references.QueueId(e.Raw.Queue)}, {e.Raw.Activity}, {e.EndedBy?.ToString()},
                            {(e.Raw.Notes is null ? null : JsonSerializer.Serialize(new { notes = e.Raw.Notes }))}::jsonb)
                    ON CONFLICT (event_id) DO NOTHING
                    """,
                    cancellationToken);
                stored += inserted;
                if (inserted == 1 && e.FigureType == FigureEventType.AgentMessage)
                {
                    await AddAgentMessageAsync(e, interaction, references, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var id in touched.Keys)
            {
                await InteractionProjection.RecomputeAsync(db, id, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var id in touched.Keys)
            {
                await ContactedBack.ApplyAsync(db, id, cancellationToken);
                await ContactedBackEarlierAsync(id, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var total = valid.Count(e => !EventValidation.IsReference(e.Type));
            return new IngestEventsResult(new IngestedBatch(stored, total - stored, touched.Values.Distinct().ToList()), null);
        });
    }

    /// <summary>By name (created when not there yet, so late and early events meet), or the customer's open chat on the connector.</summary>
    private async Task<Interaction> ResolveAsync(ValidEvent e, References references, CancellationToken cancellationToken)
    {
        var reference = e.Raw.Interaction!;
        var connectorId = references.ConnectorId(reference.Connector);
        if (reference.Name is { } name)
        {
            await WhatsAppIngestion.LockAsync(db, "interaction:" + name, cancellationToken);
            var named = await db.Interactions.SingleOrDefaultAsync(i => i.Name == name, cancellationToken);
            return named ?? await CreateAsync(name, e, connectorId, cancellationToken);
        }

        var customer = reference.Customer!;
        await WhatsAppIngestion.LockAsync(db, $"customer:{connectorId}:{customer}", cancellationToken);
        var open = await db.Interactions
            .Where(i => i.ConnectorId == connectorId && i.CustomerKey == customer && i.ClosedTime == null && !i.IsDraft)
            .OrderByDescending(i => i.Time)
            .FirstOrDefaultAsync(cancellationToken);
        return open ?? await CreateAsync(EntityNames.New(Interaction.NamePrefix), e, connectorId, cancellationToken);
    }

    private async Task<Interaction> CreateAsync(string name, ValidEvent e, int? connectorId, CancellationToken cancellationToken)
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
        await db.SaveChangesAsync(cancellationToken);
        return interaction;
    }

    private async Task AddAgentMessageAsync(ValidEvent e, Interaction interaction, References references, CancellationToken cancellationToken)
    {
        var wamid = e.Raw.Message!.WhatsAppMessageId!;
        await WhatsAppIngestion.LockAsync(db, "wamid:" + wamid, cancellationToken);
        if (await db.Messages.AnyAsync(m => m.WhatsAppMessageId == wamid, cancellationToken))
        {
            return;
        }

        var userId = references.UserId(e.Raw.User);
        var message = new Message
        {
            InteractionId = interaction.Id,
            Time = e.OccurredAt,
            Direction = MessageDirection.AgentToCustomer,
            AuthorUserId = userId,
            AuthorName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken),
            Type = MessageType.Text,
            Text = e.Raw.Message.Text,
            WhatsAppMessageId = wamid,
            DeliveryStatus = DeliveryStatus.Sent,
        };
        await WhatsAppIngestion.ApplyReportedStatusesAsync(db, message, cancellationToken);
        db.Messages.Add(message);
        interaction.IsDraft = false;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A chat that became missed after its customer was already written to (late events) is contacted back too.</summary>
    private async Task ContactedBackEarlierAsync(long interactionId, CancellationToken cancellationToken)
    {
        var missed = await db.Interactions.AsNoTracking()
            .Where(i => i.Id == interactionId && i.MissedState == MissedState.Shown && i.CustomerNumber != null)
            .Select(i => new { i.CustomerNumber, i.ConnectorId, At = i.MissedTime ?? i.Time })
            .SingleOrDefaultAsync(cancellationToken);
        if (missed is null)
        {
            return;
        }

        var answering = await db.Interactions.AsNoTracking()
            .Where(i => i.Id != interactionId && i.CustomerNumber == missed.CustomerNumber && i.ConnectorId == missed.ConnectorId
                && i.Messages.Any(m => m.Direction == MessageDirection.AgentToCustomer && m.Time > missed.At))
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        foreach (var outbound in answering)
        {
            await ContactedBack.ApplyAsync(db, outbound, cancellationToken);
        }
    }
}
