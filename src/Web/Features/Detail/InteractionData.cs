using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Detail;

public sealed record InteractionData(
    long Id,
    string Name,
    DateTimeOffset Time,
    InteractionDirection Direction,
    string? Queue,
    string? User,
    string? Connector,
    string? BusinessNumber,
    string? CustomerNumber,
    string? WhatsAppContact,
    int? ContactId,
    string? Contact,
    bool Answered,
    int WaitTime,
    int Duration,
    int TalkTime,
    EndedBy? EndedBy,
    MissedState MissedState,
    DateTimeOffset? MissedTime,
    DateTimeOffset? ClosedTime,
    string? ContactedBackBy,
    DateTimeOffset? AnonymizedAt,
    bool IsDraft,
    bool HasOpenActivity,
    bool HasMessages);
