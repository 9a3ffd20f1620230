namespace WapListing.Web.Features.Detail;

public sealed record InteractionDetail(
    InteractionData Interaction,
    IReadOnlyList<ActivityItem> Activities,
    IReadOnlyList<MessageItem> Messages,
    IReadOnlyList<ProcessingEventItem> Events,
    string RequestedName,
    IReadOnlyList<Sending.SendAttemptItem> SendAttempts);
