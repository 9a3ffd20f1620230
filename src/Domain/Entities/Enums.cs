namespace WapListing.Domain.Entities;

public enum UserRole
{
    Agent,
    Manager,
    Supervisor,
    Administrator,
}

public enum InteractionDirection
{
    In,
    Out,
}

/// <summary>Who or what ended the interaction; the seed knows CUSTOMER and AGENT, Daktela's API the rest.</summary>
public enum EndedBy
{
    Customer,
    Agent,
    Timeout,
    NoAgent,
    OutOfHours,
    System,
}

/// <summary>The listing's Missed column: 1 shown in Missed activities, 0 no longer shown there, NO contacted back.</summary>
public enum MissedState
{
    None,
    Shown,
    Removed,
    ContactedBack,
}

public enum ActivityStatus
{
    Open,
    Wait,
    Postpone,
    Close,
}

public enum ActivityType
{
    Wap,
}

public enum MessageDirection
{
    CustomerToAgent,
    AgentToCustomer,
    System,
}

public enum MessageType
{
    Text,
    Image,
    Document,
    Audio,
    Video,
    Location,
    Sticker,
    Reaction,
    Deleted,
}

public enum DeliveryStatus
{
    Sent,
    Delivered,
    Read,
    Failed,
}

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
}

public enum TicketStatus
{
    Open,
    Waiting,
    Closed,
}
