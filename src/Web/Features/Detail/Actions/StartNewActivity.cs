using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// The WhatsApp icon: a DRAFT outbound chat with the same customer and connector, assigned to the viewer, with an open
/// activity. Nothing is sent to the customer, so nothing is claimed: the draft is left out of the listing's totals, and
/// the chat it is started from keeps its Missed state (only a real outbound message makes it contacted back, see
/// <see cref="Infrastructure.Missed.ContactedBack"/>). Its agent closes or discards it (<see cref="CloseDraft"/>,
/// <see cref="DiscardDraft"/>), or writes to the customer from it (<see cref="Sending.SendWhatsAppMessage"/>), which makes it a real outbound chat.
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
            Name = EntityNames.New(Activity.NamePrefix),
            UserId = viewerId,
            QueueId = source.QueueId,
            Status = ActivityStatus.Open,
            CreatedAt = now,
            OpenedAt = now,
            ContactId = source.ContactId,
        };
        db.Interactions.Add(new Interaction
        {
            Name = EntityNames.New(Interaction.NamePrefix),
            Time = now,
            Direction = InteractionDirection.Out,
            IsDraft = true,
            QueueId = source.QueueId,
            UserId = viewerId,
            ConnectorId = source.ConnectorId,
            CustomerNumber = source.CustomerNumber,
            CustomerKey = source.CustomerKey ?? source.CustomerNumber,
            WhatsAppContact = source.WhatsAppContact,
            ContactId = source.ContactId,
            Participants = [new InteractionParticipant { UserId = viewerId }],
            Activities = [activity],
            ProcessingEvents = [new ProcessingEvent { Time = now, Kind = ProcessingEventKind.DraftStarted, QueueId = source.QueueId, UserId = viewerId, Detail = source.Name }],
        });
        await db.SaveChangesAsync(cancellationToken);
        return (ActionOutcome.Done, activity.Name);
    }
}
