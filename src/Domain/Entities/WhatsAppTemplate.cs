namespace WapListing.Domain.Entities;

/// <summary>
/// An approved message template of a connector's WhatsApp Business account, as last fetched from the Graph API
/// (<c>GET /{waba-id}/message_templates</c>). Outside the customer's 24-hour window only these may be sent.
/// </summary>
public class WhatsAppTemplate
{
    public int Id { get; set; }
    public int ConnectorId { get; set; }
    public required string Name { get; set; }
    /// <summary>Its language code (<c>cs</c>, <c>en_US</c>): a template exists once per language.</summary>
    public required string Language { get; set; }
    public string? Category { get; set; }
    /// <summary>The body text with its positional parameters <c>{{1}}</c>, <c>{{2}}</c> ….</summary>
    public required string Body { get; set; }
    public int ParameterCount { get; set; }
    public DateTimeOffset FetchedAt { get; set; }
}
