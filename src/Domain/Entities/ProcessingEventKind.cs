namespace WapListing.Domain.Entities;

public enum ProcessingEventKind
{
    EnteredQueue,
    OfferedToAgent,
    Accepted,
    TransferredToQueue,
    TransferredToAgent,
    Closed,
    TimedOut,
    Missed,
    ContactedBack,
    RemovedFromMissed,
    DraftStarted,
    DraftClosed,
}
