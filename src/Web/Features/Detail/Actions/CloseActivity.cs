using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Domain.Figures;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Ingestion;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// The agent is done with a chat they wrote from the app: their open activity closes (tD) and, when nobody else has one
/// open, the chat ends (tC, ended by the agent). Both are stored as events and go through the projection like the
/// routing engine's, so the figures come from one place. A draft is closed by <see cref="CloseDraft"/> instead.
/// </summary>
public sealed class CloseActivity(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    public const string ActivityClosedPrefix = "app-activity-closed:";
    public const string ClosedPrefix = "app-closed:";

    public async Task<ActionOutcome> HandleAsync(InteractionActionRequest request, CancellationToken cancellationToken)
    {
        var found = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
        if (found is null)
        {
            return ActionOutcome.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await IngestionLocks.AcquireAsync(
            db,
            [IngestionLocks.Customer(found.ConnectorId, found.CustomerKey ?? found.CustomerNumber ?? string.Empty), IngestionLocks.Interaction(found.Name)],
            cancellationToken);
        var interaction = await db.Interactions.AsNoTracking()
            .Where(i => i.Id == found.Id)
            .Select(i => new
            {
                i.Id,
                i.Name,
                i.IsDraft,
                i.Direction,
                Open = i.Activities.Where(a => a.ClosedAt == null).Select(a => new { a.Name, a.UserId }).ToList(),
                HasEvents = db.InteractionEvents.Any(e => e.InteractionId == i.Id),
            })
            .FirstAsync(cancellationToken);
        var viewerId = viewer.UserId;
        var mine = interaction.Open.FirstOrDefault(a => a.UserId == viewerId);
        if (interaction.IsDraft || interaction.Direction != InteractionDirection.Out || !interaction.HasEvents || mine is null)
        {
            return ActionOutcome.NotApplicable;
        }

        var now = clock.GetUtcNow();
        List<InteractionEvent> events =
        [
            new()
            {
                EventId = ActivityClosedPrefix + mine.Name,
                InteractionId = interaction.Id,
                Type = FigureEventType.ActivityClosed,
                OccurredAt = now,
                ReceivedAt = now,
                UserId = viewerId,
                ActivityName = mine.Name,
            },
        ];
        if (interaction.Open.Count == 1)
        {
            events.Add(new InteractionEvent
            {
                EventId = ClosedPrefix + interaction.Name,
                InteractionId = interaction.Id,
                Type = FigureEventType.Closed,
                OccurredAt = now,
                ReceivedAt = now,
                UserId = viewerId,
                EndedBy = EndedBy.Agent,
            });
        }

        await InteractionEventStore.InsertNewAsync(db, events, cancellationToken);
        await InteractionProjection.RecomputeAsync(db, [interaction.Id], now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
