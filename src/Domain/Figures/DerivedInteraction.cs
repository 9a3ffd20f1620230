using WapListing.Domain.Entities;

namespace WapListing.Domain.Figures;

/// <summary>The listing's figures of one interaction, as its events say.</summary>
public sealed record DerivedInteraction(
    InteractionDirection Direction,
    DateTimeOffset Time,
    int? QueueId,
    int? UserId,
    bool Answered,
    int WaitTime,
    int Duration,
    int TalkTime,
    EndedBy? EndedBy,
    bool Missed,
    DateTimeOffset? MissedTime,
    DateTimeOffset? ClosedTime,
    IReadOnlyList<int> Participants,
    IReadOnlyList<DerivedActivity> Activities);

/// <summary>One agent's work on the interaction (tB…tD) with its focus figures.</summary>
public sealed record DerivedActivity(
    string Name,
    int? UserId,
    int? QueueId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    ActivityStatus Status,
    int Duration,
    int FocusTime,
    int FocusInterruptions,
    bool TimeAnomaly);
