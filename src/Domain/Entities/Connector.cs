namespace WapListing.Domain.Entities;

/// <summary>A WhatsApp Business number/account that queues route through.</summary>
public class Connector
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>E.164, e.g. +420800123456.</summary>
    public required string PhoneNumber { get; set; }
    public bool IsActive { get; set; } = true;
    public string? ExternalKey { get; set; }

    /// <summary>WhatsApp Cloud API phone number id (the webhook's <c>metadata.phone_number_id</c>).</summary>
    public string? WhatsAppPhoneNumberId { get; set; }
    /// <summary>WhatsApp Business account id (message templates live there).</summary>
    public string? WhatsAppBusinessAccountId { get; set; }

    /// <summary>Webhook verify token, protected with ASP.NET Core Data Protection; never shown back.</summary>
    public string? ProtectedVerifyToken { get; set; }
    /// <summary>The Meta app secret that signs webhooks (X-Hub-Signature-256), protected; never shown back.</summary>
    public string? ProtectedAppSecret { get; set; }
    /// <summary>Graph API access token for sending and media, protected; never shown back.</summary>
    public string? ProtectedAccessToken { get; set; }

    /// <summary>Where new inbound chats on this number are queued.</summary>
    public int? DefaultQueueId { get; set; }
    public Queue? DefaultQueue { get; set; }

    /// <summary>PostgreSQL's xmin: optimistic concurrency for Manage edits.</summary>
    public uint Version { get; set; }
}
