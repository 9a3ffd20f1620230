using WapListing.Domain.Entities;

namespace WapListing.Domain.Figures;

/// <summary>What happened to an interaction, as the figures need it: from the events API (DESIGN §9 B) and the webhook.</summary>
public enum FigureEventType
{
    /// <summary>tA of an inbound chat: it entered a queue.</summary>
    Queued,
    /// <summary>tA of an outbound chat: an agent started it.</summary>
    CreatedOutbound,
    OfferedToUser,
    /// <summary>tB: a user accepted the chat; opens their activity.</summary>
    Accepted,
    /// <summary>Back to a queue: the current activity ends.</summary>
    TransferredToQueue,
    /// <summary>Handed to another user: the current activity ends and theirs opens.</summary>
    TransferredToUser,
    CustomerMessage,
    AgentMessage,
    /// <summary>tC: the conversation ended (with who or what ended it).</summary>
    Closed,
    ActivityFocused,
    ActivityBlurred,
    ActivityHeartbeat,
    /// <summary>tD: the agent closed their activity.</summary>
    ActivityClosed,
}

/// <summary>
/// One stored event of an interaction. <see cref="Id"/> is the sender's idempotency id; <see cref="ActivityName"/>
/// names the activity an agent-desktop event is about (when absent: the user's latest activity).
/// </summary>
public sealed record FigureEvent(
    string Id,
    FigureEventType Type,
    DateTimeOffset At,
    int? UserId = null,
    int? QueueId = null,
    string? ActivityName = null,
    EndedBy? EndedBy = null);
