using System.ComponentModel.DataAnnotations;
using WapListing.Infrastructure.Ingestion;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>Settings of the WhatsApp Cloud API integration (configuration section "WhatsApp").</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>The Graph API (media, sending); tests point it at a local stand-in.</summary>
    [Required]
    public Uri GraphBaseUrl { get; set; } = new("https://graph.facebook.com/v23.0/");

    /// <summary>Largest webhook body accepted (413 beyond). Meta's bodies are a few kilobytes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxWebhookBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest media file fetched and stored in PostgreSQL; bigger ones show as "too large" in the transcript.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxMediaBytes { get; set; } = 16 * 1024 * 1024;

    [Range(1, 300)]
    public int MediaTimeoutSeconds { get; set; } = 30;

    /// <summary>How long sending one message may take before it counts as timed out (it may still have gone out).</summary>
    [Range(1, 120)]
    public int SendTimeoutSeconds { get; set; } = 15;

    /// <summary>How often a node looks for sends whose answer was lost, to confirm them from their status webhooks (0: never on this node).</summary>
    [Range(0, 3600)]
    public int SendRecoverySeconds { get; set; } = 5;

    /// <summary>Minutes after which a send neither WhatsApp's answer nor a status webhook confirmed is shown as unconfirmed.</summary>
    [Range(1, 1440)]
    public int SendConfirmationMinutes { get; set; } = 10;

    /// <summary>Inbox workers per app node; 0 leaves the inbox to other nodes.</summary>
    [Range(0, 64)]
    public int InboxWorkers { get; set; } = 2;

    /// <summary>Webhook bodies a worker claims and stores in one transaction.</summary>
    [Range(1, 1000)]
    public int InboxBatchSize { get; set; } = WebhookInbox.BatchSize;

    /// <summary>
    /// How long a worker that stored a part-full batch waits before it claims the next one, so that under load batches
    /// fill up (0: at once). Adds at most this much to the time a message takes to show.
    /// </summary>
    [Range(0, 2_000)]
    public int InboxGatherMilliseconds { get; set; } = 200;

    /// <summary>Days a processed webhook body stays in the inbox (for looking into a delivery); waiting and parked ones stay.</summary>
    [Range(1, 3650)]
    public int InboxRetentionDays { get; set; } = 7;

    /// <summary>How often an idle worker looks for bodies received by other nodes.</summary>
    [Range(10, 60_000)]
    public int InboxPollMilliseconds { get; set; } = 500;
}
