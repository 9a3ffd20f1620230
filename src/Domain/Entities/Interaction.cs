namespace WapListing.Domain.Entities;

/// <summary>One WhatsApp conversation: one row of the listing (Daktela's activitiesWap).</summary>
public class Interaction
{
    public const string NamePrefix = "wap_";

    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>tA: the interaction entered the queue (or was started, outbound).</summary>
    public DateTimeOffset Time { get; set; }
    public InteractionDirection Direction { get; set; }
    public int? QueueId { get; set; }
    public Queue? Queue { get; set; }
    /// <summary>The agent who handled it last; the listing's User column.</summary>
    public int? UserId { get; set; }
    public User? User { get; set; }
    /// <summary>The connector it actually came through, kept even if the queue's connector changes.</summary>
    public int? ConnectorId { get; set; }
    public Connector? Connector { get; set; }
    /// <summary>Customer's WhatsApp number, E.164.</summary>
    public string? CustomerNumber { get; set; }
    /// <summary>
    /// Who the customer is on WhatsApp: their number (E.164) or, when WhatsApp hides it, <c>bsuid:</c> + the business-scoped
    /// user id. With the connector it finds the customer's open chat.
    /// </summary>
    public string? CustomerKey { get; set; }
    /// <summary>The customer's WhatsApp profile name.</summary>
    public string? WhatsAppContact { get; set; }
    /// <summary>
    /// <see cref="WhatsAppContact"/> folded for search (lower case, no accents), computed and stored by the database: the
    /// filter tests it on each row of a range instead of folding every name again.
    /// </summary>
    public string? WhatsAppContactFolded { get; private set; }
    public int? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public bool Answered { get; set; }
    /// <summary>tA→tB in seconds; 0 for outbound.</summary>
    public int WaitTime { get; set; }
    /// <summary>tA→tC in seconds.</summary>
    public int Duration { get; set; }
    /// <summary>tB→tC in seconds.</summary>
    public int TalkTime { get; set; }
    public EndedBy? EndedBy { get; set; }
    public MissedState MissedState { get; set; }
    public DateTimeOffset? MissedTime { get; set; }
    public DateTimeOffset? ClosedTime { get; set; }
    /// <summary>The outbound interaction that contacted this missed one back.</summary>
    public long? ContactedBackById { get; set; }
    /// <summary>
    /// Started in the app (start a new activity) but no message has gone to the customer yet: shown as a draft, left out of
    /// the listing's totals, never contacting a missed chat back. A later sending step turns it into a real outbound chat.
    /// </summary>
    public bool IsDraft { get; set; }
    public DateTimeOffset? AnonymizedAt { get; set; }
    public int? AnonymizedById { get; set; }

    // Copies of the names the listing sorts by, kept by the database whoever writes (migration ListingSortKeys): with
    // them a page sorted by queue, user, contact or connector is read from an index in order instead of joining and
    // sorting the whole range. The app never writes them; it shows the names from the joined rows.

    /// <summary>The queue's name, copied by the database; for sorting only.</summary>
    public string? QueueName { get; private set; }

    /// <summary>The user's display name, copied by the database; for sorting only.</summary>
    public string? UserName { get; private set; }

    /// <summary>The CRM contact's name, copied by the database; for sorting only.</summary>
    public string? ContactName { get; private set; }

    /// <summary>The connector's name, copied by the database; for sorting only.</summary>
    public string? ConnectorName { get; private set; }

    /// <summary>Every user who had an activity in it: what rights and the User filter look at.</summary>
    public ICollection<InteractionParticipant> Participants { get; set; } = [];
    public ICollection<Activity> Activities { get; set; } = [];
    public ICollection<Message> Messages { get; set; } = [];
    public ICollection<ProcessingEvent> ProcessingEvents { get; set; } = [];
}
