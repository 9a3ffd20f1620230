using System.Text.Json;
using System.Text.Json.Serialization;

namespace WapListing.Web.Features.Ingestion.Events;

/// <summary>
/// One event of the contact-centre events API (DESIGN §9 B), as sent: a client-chosen <c>id</c> (idempotency), a
/// <c>type</c>, <c>occurredAt</c> with its offset, and the interaction it belongs to. Users, queues and connectors are
/// named by their external keys.
/// </summary>
public sealed record IncomingEvent
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    /// <summary>ISO 8601 with an offset (<c>Z</c> or <c>+01:00</c>); a time without one is refused, never guessed.</summary>
    public string? OccurredAt { get; init; }
    public InteractionReference? Interaction { get; init; }
    /// <summary>External key of the queue (queued, transferred to a queue).</summary>
    public string? Queue { get; init; }
    /// <summary>External key of the user (created, offered, accepted, transferred to a user, message, activity events).</summary>
    public string? User { get; init; }
    /// <summary>Name of the activity an agent-desktop event is about; minted by the app when an accept does not give one.</summary>
    public string? Activity { get; init; }
    /// <summary>CUSTOMER, AGENT, TIMEOUT, NO_AGENT, OUT_OF_HOURS or SYSTEM (closed).</summary>
    public string? EndedBy { get; init; }
    public AgentMessage? Message { get; init; }
    public string? Notes { get; init; }
    /// <summary>The record of a <c>user.upserted</c>, <c>queue.upserted</c> or <c>connector.upserted</c> event.</summary>
    public ReferenceRecord? Record { get; init; }
}

/// <summary>The interaction: by <c>name</c>, or by <c>connector</c> (external key) and <c>customer</c> (E.164 number).</summary>
public sealed record InteractionReference
{
    public string? Name { get; init; }
    public string? Connector { get; init; }
    public string? Customer { get; init; }
    /// <summary>The customer's WhatsApp profile name, when the sender knows it.</summary>
    public string? CustomerName { get; init; }
}

/// <summary>What an agent sent, with the WhatsApp message id the Cloud API returned.</summary>
public sealed record AgentMessage
{
    public string? WhatsAppMessageId { get; init; }
    public string? Text { get; init; }
}

/// <summary>Reference data upserted by external key.</summary>
public sealed record ReferenceRecord
{
    public string? ExternalKey { get; init; }
    public string? Name { get; init; }
    /// <summary>Users: their login.</summary>
    public string? Login { get; init; }
    /// <summary>Connectors: E.164 number. Queues: the connector's external key goes in <see cref="Connector"/>.</summary>
    public string? PhoneNumber { get; init; }
    public string? Connector { get; init; }
    public bool? Active { get; init; }
}

/// <summary>Reads a batch: a JSON array, or NDJSON (one event per line).</summary>
public static class EventsBatch
{
    public const int MaxEvents = 1000;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The events, or the error of the item that could not be read (its index, or null for the whole body).</summary>
    public static (IReadOnlyList<IncomingEvent> Events, (string Path, string Error)? Failure) Read(ReadOnlySpan<byte> body, bool ndjson)
    {
        if (!ndjson)
        {
            try
            {
                var events = JsonSerializer.Deserialize<List<IncomingEvent?>>(body, Json);
                if (events is null)
                {
                    return ([], ("$", "The body must be a JSON array of events."));
                }

                var missing = events.FindIndex(e => e is null);
                return missing >= 0 ? ([], ($"[{missing}]", "An event must be an object.")) : (events!, null);
            }
            catch (JsonException e)
            {
                return ([], (e.Path ?? "$", "Not a JSON array of events: " + e.Message));
            }
        }

        var list = new List<IncomingEvent>();
        var lines = System.Text.Encoding.UTF8.GetString(body).Split('\n');
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            try
            {
                var e = JsonSerializer.Deserialize<IncomingEvent>(line, Json);
                if (e is null)
                {
                    return ([], ($"[{list.Count}]", "An event must be an object."));
                }

                list.Add(e);
            }
            catch (JsonException e)
            {
                return ([], ($"[{list.Count}]{(e.Path is { Length: > 1 } p ? p[1..] : string.Empty)}", "Not a JSON event: " + e.Message));
            }
        }

        return (list, null);
    }
}
