using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>Missed 1 → 0: the interaction is no longer shown among missed activities.</summary>
public sealed class RemoveFromMissed(WapListingDbContext db, TimeProvider clock)
{
    public async Task<ActionOutcome> HandleAsync(ViewerRights rights, int viewerId, string name, CancellationToken cancellationToken)
    {
        var interaction = await db.FindVisibleInteractionAsync(rights, name, cancellationToken);
        if (interaction is null)
        {
            return ActionOutcome.NotFound;
        }

        if (interaction.MissedState != MissedState.Shown)
        {
            return ActionOutcome.NotApplicable;
        }

        interaction.MissedState = MissedState.Removed;
        db.ProcessingEvents.Add(new ProcessingEvent
        {
            InteractionId = interaction.Id,
            Time = clock.GetUtcNow(),
            Kind = ProcessingEventKind.RemovedFromMissed,
            QueueId = interaction.QueueId,
            UserId = viewerId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
