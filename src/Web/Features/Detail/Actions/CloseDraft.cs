using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// Closes a draft (started with <see cref="StartNewActivity"/>, nothing sent): its open activities get their closed time
/// and the chat its closed time; it stays as history, still a draft, so still out of the listing's totals.
/// </summary>
public sealed class CloseDraft(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    public async Task<ActionOutcome> HandleAsync(InteractionActionRequest request, CancellationToken cancellationToken)
    {
        var interaction = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
        if (interaction is null)
        {
            return ActionOutcome.NotFound;
        }

        var open = await db.Activities.Where(a => a.InteractionId == interaction.Id && a.ClosedAt == null).ToListAsync(cancellationToken);
        if (!interaction.IsDraft || open.Count == 0)
        {
            return ActionOutcome.NotApplicable;
        }

        var now = clock.GetUtcNow();
        foreach (var activity in open)
        {
            activity.Status = ActivityStatus.Close;
            activity.ClosedAt = now;
            activity.Duration = (int)Math.Max(0, (now - activity.CreatedAt).TotalSeconds);
        }

        interaction.ClosedTime ??= now;
        db.ProcessingEvents.Add(new ProcessingEvent
        {
            InteractionId = interaction.Id,
            Time = now,
            Kind = ProcessingEventKind.DraftClosed,
            QueueId = interaction.QueueId,
            UserId = viewer.UserId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
