using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Domain.Figures;
using WapListing.Infrastructure.Data;

namespace WapListing.Infrastructure.Ingestion;

/// <summary>
/// Writes what an interaction's stored events say (<see cref="InteractionFigures"/>) onto its row, activities,
/// participants and processing path. Recomputed from all events every time, so duplicates and late or out-of-order
/// events converge. What people decided in the app is kept: a missed chat removed from Missed (0) or contacted back
/// (NO), and an activity's contact, ticket and notes.
/// </summary>
public static class InteractionProjection
{
    /// <summary>The kinds of processing steps the events produce; the others (removed from missed, drafts…) come from the app.</summary>
    private static readonly ProcessingEventKind[] DerivedSteps =
    [
        ProcessingEventKind.EnteredQueue, ProcessingEventKind.OfferedToAgent, ProcessingEventKind.Accepted,
        ProcessingEventKind.TransferredToQueue, ProcessingEventKind.TransferredToAgent, ProcessingEventKind.Closed,
        ProcessingEventKind.TimedOut, ProcessingEventKind.Missed,
    ];

    /// <summary>
    /// Recomputes many interactions inside the caller's transaction with a fixed number of round trips (their rows,
    /// activities, participants and events are read at once); the caller saves.
    /// </summary>
    public static async Task RecomputeAsync(WapListingDbContext db, IReadOnlyCollection<long> interactionIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (interactionIds.Count == 0)
        {
            return;
        }

        var ids = interactionIds.Distinct().ToList();
        var interactions = await db.Interactions
            .Include(i => i.Activities)
            .Include(i => i.Participants)
            .Where(i => ids.Contains(i.Id))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var eventsByInteraction = (await db.InteractionEvents.AsNoTracking()
                .Where(e => ids.Contains(e.InteractionId))
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.InteractionId);
        var withEvents = eventsByInteraction.Select(g => g.Key).ToList();
        var currentSteps = (await db.ProcessingEvents
                .Where(p => withEvents.Contains(p.InteractionId) && DerivedSteps.Contains(p.Kind))
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.InteractionId);
        foreach (var interaction in interactions)
        {
            var events = eventsByInteraction[interaction.Id].ToList();
            if (events.Count == 0)
            {
                continue;
            }

            var derived = InteractionFigures.Derive(events.Select(e => e.ToFigureEvent()), now);
            Apply(interaction, derived);
            ReplaceSteps(db, [.. currentSteps[interaction.Id].OrderBy(p => p.Time).ThenBy(p => p.Id)], [.. Steps(interaction, events, derived).OrderBy(p => p.Time)]);
        }
    }

    /// <summary>
    /// Gives an interaction created in this transaction the figures of its events before its first save, so it is inserted
    /// once with them instead of inserted and then updated: each write of an interaction touches all of its indexes. The
    /// recompute after the events are stored (<see cref="RecomputeAsync"/>) then finds nothing to change on it, unless
    /// some of these events were not stored for it.
    /// </summary>
    public static void ApplyToNew(Interaction interaction, IReadOnlyCollection<InteractionEvent> events, DateTimeOffset now)
    {
        if (events.Count > 0)
        {
            Apply(interaction, InteractionFigures.Derive(events.Select(e => e.ToFigureEvent()), now));
        }
    }

    /// <summary>Writes nothing when the steps are what they were (a customer's next message); else replaces them in their order.</summary>
    private static void ReplaceSteps(WapListingDbContext db, List<ProcessingEvent> current, List<ProcessingEvent> wanted)
    {
        var same = current.Count == wanted.Count && current.Zip(wanted).All(pair =>
            pair.First.Kind == pair.Second.Kind && pair.First.Time == pair.Second.Time
            && pair.First.QueueId == pair.Second.QueueId && pair.First.UserId == pair.Second.UserId);
        if (!same)
        {
            db.ProcessingEvents.RemoveRange(current);
            db.ProcessingEvents.AddRange(wanted);
        }
    }

    private static void Apply(Interaction interaction, DerivedInteraction derived)
    {
        interaction.Direction = derived.Direction;
        interaction.Time = derived.Time;
        interaction.QueueId = derived.QueueId ?? interaction.QueueId;
        interaction.UserId = derived.UserId;
        interaction.Answered = derived.Answered;
        interaction.WaitTime = derived.WaitTime;
        interaction.Duration = derived.Duration;
        interaction.TalkTime = derived.TalkTime;
        interaction.EndedBy = derived.EndedBy;
        interaction.ClosedTime = derived.ClosedTime;
        if (derived.Missed)
        {
            interaction.MissedTime = derived.MissedTime;
            if (interaction.MissedState == MissedState.None)
            {
                interaction.MissedState = MissedState.Shown;
            }
        }
        else if (interaction.MissedState == MissedState.Shown)
        {
            interaction.MissedState = MissedState.None;
            interaction.MissedTime = null;
        }

        var participants = derived.Participants.ToHashSet();
        foreach (var gone in interaction.Participants.Where(p => !participants.Contains(p.UserId)).ToList())
        {
            interaction.Participants.Remove(gone);
        }

        foreach (var user in participants.Where(u => interaction.Participants.All(p => p.UserId != u)))
        {
            interaction.Participants.Add(new InteractionParticipant { InteractionId = interaction.Id, UserId = user });
        }

        foreach (var figures in derived.Activities)
        {
            var activity = interaction.Activities.FirstOrDefault(a => a.Name == figures.Name);
            if (activity is null)
            {
                activity = new Activity { Name = figures.Name, InteractionId = interaction.Id };
                interaction.Activities.Add(activity);
            }

            activity.UserId = figures.UserId;
            activity.QueueId = figures.QueueId;
            activity.CreatedAt = figures.CreatedAt;
            activity.OpenedAt = figures.OpenedAt;
            activity.ClosedAt = figures.ClosedAt;
            activity.Status = figures.Status;
            activity.Duration = figures.Duration;
            activity.FocusTime = figures.FocusTime;
            activity.FocusInterruptions = figures.FocusInterruptions;
            activity.TimeAnomaly = figures.TimeAnomaly;
        }
    }

    private static List<ProcessingEvent> Steps(Interaction interaction, List<InteractionEvent> events, DerivedInteraction derived)
    {
        var steps = new List<ProcessingEvent>();
        // A chat the webhook opened gets a queueing step of its own; once the routing engine reports the queueing, that one tells it.
        var routed = events.Any(e => e.Type == FigureEventType.Queued && !e.EventId.StartsWith(WhatsAppIngestion.QueuedEventPrefix, StringComparison.Ordinal));
        foreach (var e in events.DistinctBy(e => e.EventId).OrderBy(e => e.OccurredAt).ThenBy(e => e.Type))
        {
            if (routed && e.EventId.StartsWith(WhatsAppIngestion.QueuedEventPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            ProcessingEventKind? kind = e.Type switch
            {
                FigureEventType.Queued => ProcessingEventKind.EnteredQueue,
                FigureEventType.OfferedToUser => ProcessingEventKind.OfferedToAgent,
                FigureEventType.Accepted => ProcessingEventKind.Accepted,
                FigureEventType.TransferredToQueue => ProcessingEventKind.TransferredToQueue,
                FigureEventType.TransferredToUser => ProcessingEventKind.TransferredToAgent,
                FigureEventType.Closed when e.EndedBy == EndedBy.Timeout => ProcessingEventKind.TimedOut,
                FigureEventType.Closed => ProcessingEventKind.Closed,
                _ => null,
            };
            if (kind is { } step)
            {
                steps.Add(new ProcessingEvent
                {
                    InteractionId = interaction.Id,
                    Time = e.OccurredAt,
                    Kind = step,
                    QueueId = e.QueueId ?? (step == ProcessingEventKind.EnteredQueue ? interaction.QueueId : null),
                    UserId = e.UserId,
                });
            }
        }

        if (derived is { Missed: true, MissedTime: { } missedAt })
        {
            steps.Add(new ProcessingEvent { InteractionId = interaction.Id, Time = missedAt, Kind = ProcessingEventKind.Missed, QueueId = derived.QueueId });
        }

        return steps;
    }
}
