using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using WapListing.Web.Features.Ingestion.Events;

namespace WapListing.Web.Api.OpenApi;

/// <summary>The wire schemas of the events API, written out field by field (the controller reads the raw body).</summary>
internal static class EventSchemas
{
    public static OpenApiSchema Event() => new()
    {
        Type = JsonSchemaType.Object,
        Description =
            "One event. Which fields a type needs: interaction.queued — interaction, queue; interaction.created — interaction " +
            "(connector + customer), user; interaction.offered / interaction.accepted — interaction, user (accepted may name " +
            "the activity it opens); interaction.transferred — interaction and exactly one of queue or user; message.sent — " +
            "interaction, user, message.whatsAppMessageId; interaction.closed — interaction, endedBy; activity.focused / " +
            "activity.blurred / activity.heartbeat / activity.closed — interaction and activity (or user: that user's latest " +
            "activity), activity.closed may carry notes; user.upserted / queue.upserted / connector.upserted — record.",
        Required = new HashSet<string> { "id", "type", "occurredAt" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["id"] = Text("Chosen by the sender, unique per event, at most 200 characters: the idempotency key. Sending the same id again stores nothing new.", maxLength: 200),
            ["type"] = Enum("What happened.", EventValidation.Types.Keys),
            ["occurredAt"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "date-time",
                Description = "When it happened: ISO 8601 with its offset (`Z` or `+01:00`). A time without an offset is refused, never guessed.",
            },
            ["interaction"] = Interaction(),
            ["queue"] = Text("External key of the queue (interaction.queued; interaction.transferred to a queue)."),
            ["user"] = Text("External key of the user (created, offered, accepted, transferred to a user, message.sent; for activity events, names the user's latest activity when activity is not given)."),
            ["activity"] = Text("Name of the activity (starts with `activities_`, at most 100 characters). On interaction.accepted the name of the activity it opens; minted by the app when not given.", maxLength: 100),
            ["endedBy"] = Enum("Who ended the chat (interaction.closed).", ["CUSTOMER", "AGENT", "TIMEOUT", "NO_AGENT", "OUT_OF_HOURS", "SYSTEM"]),
            ["message"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "What the agent sent (message.sent); it appears in the transcript, and WhatsApp's statuses update it.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["whatsAppMessageId"] = Text("Required: the message id (`wamid.…`) the Cloud API returned for the send, at most 200 characters.", maxLength: 200),
                    ["text"] = Text("The text, at most 4,096 characters (WhatsApp's limit).", maxLength: 4096),
                },
            },
            ["notes"] = Text("The agent's notes (activity.closed), at most 4,000 characters.", maxLength: 4000),
            ["record"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The reference record of user.upserted, queue.upserted or connector.upserted: created, or updated by its external key.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["externalKey"] = Text("Required: the sender's own key for the record, at most 100 characters; events name users, queues and connectors by it.", maxLength: 100),
                    ["name"] = Text("Required: display name, at most 200 characters.", maxLength: 200),
                    ["login"] = Text("Users (required): the login, at most 256 characters.", maxLength: 256),
                    ["phoneNumber"] = Text("Connectors (required): the WhatsApp number in E.164, e.g. `+420800123456`."),
                    ["connector"] = Text("Queues: the external key of the connector the queue belongs to."),
                    ["active"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Whether the record is active." },
                },
            },
        },
    };

    private static OpenApiSchema Interaction() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The interaction (chat) the event belongs to: by `name`, or by `connector` and `customer` (the customer's open chat on that connector, or a new one). A name not yet known creates the interaction (with connector and customer when given).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["name"] = Text("The interaction's name (starts with `wap_`, at most 100 characters); minted by the app when not given.", maxLength: 100),
            ["connector"] = Text("External key of the connector (the WhatsApp number); required without a name."),
            ["customer"] = Text("The customer's number in E.164, e.g. `+420777123456`; required without a name."),
            ["customerName"] = Text("The customer's WhatsApp profile name, when known; at most 200 characters.", maxLength: 200),
        },
    };

    public static OpenApiSchema Batch() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "What a stored batch did.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["stored"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Events stored now." },
            ["duplicates"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Events whose id was already stored (retries): nothing was stored twice." },
            ["interactions"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String },
                Description = "Names of the interactions the batch touched (their figures were recomputed).",
            },
        },
    };

    public static OpenApiSchema Problem(bool validation)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details (`application/problem+json`).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        if (validation)
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Keyed by the failing item's index and field path (`[3].occurredAt`, `[0].record.name`), or `$` for the whole body.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return schema;
    }

    private static OpenApiSchema Text(string description, int? maxLength = null) =>
        new() { Type = JsonSchemaType.String, Description = description, MaxLength = maxLength };

    private static OpenApiSchema Enum(string description, IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Description = description, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };
}
