using System.ComponentModel.DataAnnotations;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>Missed 1 → 0: the interaction is no longer shown among missed activities.</summary>
public sealed class RemoveFromMissed(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    public async Task<ActionOutcome> HandleAsync(InteractionActionRequest request, CancellationToken cancellationToken)
    {
        var interaction = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
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
            UserId = viewer.UserId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
