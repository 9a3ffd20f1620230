namespace WapListing.Domain.Entities;

/// <summary>
/// One message a user asked the app to send through the Cloud API: the outbox row. It is committed before the Graph
/// API is called, with a key the user's form carries (<see cref="ClientKey"/>, also sent as
/// <c>biz_opaque_callback_data</c>), so a form sent twice never sends twice and a message whose answer was lost (timeout,
/// crash) is recognised when its status webhook comes back. The transcript's <see cref="Message"/> is stored when
/// WhatsApp has accepted the message, in the same transaction that marks this row accepted.
/// </summary>
public class OutboundSend
{
    public long Id { get; set; }
    public Guid ClientKey { get; set; }
    public long InteractionId { get; set; }
    public int? UserId { get; set; }
    public int ConnectorId { get; set; }
    public OutboundSendKind Kind { get; set; }
    /// <summary>What the customer reads: the text, or the template's body with its parameters filled in.</summary>
    public string? Text { get; set; }
    public string? TemplateName { get; set; }
    public string? TemplateLanguage { get; set; }
    public List<string> TemplateParameters { get; set; } = [];
    public OutboundSendState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? WhatsAppMessageId { get; set; }
    /// <summary>Why WhatsApp refused it (<c>WhatsAppSendProblem</c>), with its code and title.</summary>
    public string? Problem { get; set; }
    public int? ErrorCode { get; set; }
    public string? ErrorTitle { get; set; }
}

public enum OutboundSendKind
{
    Text,
    Template,
}

public enum OutboundSendState
{
    /// <summary>Committed, the Graph API asked or about to be; its answer not stored yet (may have been lost).</summary>
    Pending,
    /// <summary>WhatsApp took it and gave it a message id; the transcript holds it.</summary>
    Accepted,
    /// <summary>WhatsApp said no (or was not reached): nothing went out.</summary>
    Refused,
    /// <summary>Its answer was lost and no status webhook confirmed it in time: it may or may not have gone out.</summary>
    Unconfirmed,
}
