using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// The WhatsApp icon: a new outbound chat with the same customer and connector, assigned to the viewer, with an
/// open activity. A missed interaction (1) it is started from becomes contacted back (NO), linked to the new one.
/// </summary>
public sealed class StartNewActivity(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    public async Task<(ActionOutcome Outcome, string? NewActivityName)> HandleAsync(InteractionActionRequest request, CancellationToken cancellationToken)
    {
        var source = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
        if (source is null)
        {
            return (ActionOutcome.NotFound, null);
        }

        if (source.AnonymizedAt is not null || source.CustomerNumber is null)
        {
            return (ActionOutcome.NotApplicable, null);
        }

        var now = clock.GetUtcNow();
        var viewerId = viewer.UserId;
        var activity = new Activity
        {
            Name = ActionTargets.NewName(Activity.NamePrefix),
            UserId = viewerId,
            QueueId = source.QueueId,
            Status = ActivityStatus.Open,
            CreatedAt = now,
            OpenedAt = now,
            ContactId = source.ContactId,
        };
        var outbound = new Interaction
        {
            Name = ActionTargets.NewName(Interaction.NamePrefix),
            Time = now,
            Direction = InteractionDirection.Out,
            QueueId = source.QueueId,
            UserId = viewerId,
            ConnectorId = source.ConnectorId,
            CustomerNumber = source.CustomerNumber,
            WhatsAppContact = source.WhatsAppContact,
            ContactId = source.ContactId,
            Participants = [new InteractionParticipant { UserId = viewerId }],
            Activities = [activity],
            ProcessingEvents = [new ProcessingEvent { Time = now, Kind = ProcessingEventKind.Accepted, QueueId = source.QueueId, UserId = viewerId, Detail = source.Name }],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Interactions.Add(outbound);
        await db.SaveChangesAsync(cancellationToken);
        if (source.MissedState == MissedState.Shown)
        {
            source.MissedState = MissedState.ContactedBack;
            source.ContactedBackById = outbound.Id;
            db.ProcessingEvents.Add(new ProcessingEvent
            {
                InteractionId = source.Id,
                Time = now,
                Kind = ProcessingEventKind.ContactedBack,
                QueueId = source.QueueId,
                UserId = viewerId,
                Detail = outbound.Name,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (ActionOutcome.Done, activity.Name);
    }
}
