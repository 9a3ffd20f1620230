using System.Text.Json.Nodes;

namespace WapListing.Web.Features.Ingestion.Events;

/// <summary>
/// One example per event type of <see cref="EventValidation.Types"/> (a transfer twice: to a queue, to a user), as the
/// OpenAPI document shows them. They tell one inbound chat on connector <c>wa-main</c> in queue <c>support</c>, answered by
/// <c>u-adam</c> and handed to <c>u-bara</c>, plus one outbound chat; a test posts every one of them, so they stay real.
/// </summary>
public static class EventExamples
{
    public const string Connector = "wa-main";
    public const string Queue = "support";
    public const string Agent = "u-adam";
    public const string Colleague = "u-bara";
    public const string Chat = "wap_example_inbound";
    public const string ChatActivity = "activities_example_adam";

    /// <summary>The examples in the order that tells the story (reference data first); the key names the example.</summary>
    public static IReadOnlyList<(string Key, string Summary, JsonObject Event)> All { get; } =
    [
        ("connector.upserted", "A WhatsApp number (connector) by its external key",
            Event("evt-1001", "connector.upserted", "2026-11-27T08:00:00+01:00", null, e => e["record"] = new JsonObject
            {
                ["externalKey"] = Connector, ["name"] = "WhatsApp Sales", ["phoneNumber"] = "+420800555111", ["active"] = true,
            })),
        ("queue.upserted", "A queue on that connector",
            Event("evt-1002", "queue.upserted", "2026-11-27T08:00:00+01:00", null, e => e["record"] = new JsonObject
            {
                ["externalKey"] = Queue, ["name"] = "Support", ["connector"] = Connector, ["active"] = true,
            })),
        ("user.upserted", "An agent by external key and login",
            Event("evt-1003", "user.upserted", "2026-11-27T08:00:00+01:00", null, e => e["record"] = new JsonObject
            {
                ["externalKey"] = Agent, ["name"] = "Adam Dvořák", ["login"] = "adam.dvorak", ["active"] = true,
            })),
        ("interaction.queued", "An inbound chat enters a queue (tA)",
            Event("evt-2001", "interaction.queued", "2026-11-27T09:15:00+01:00", new JsonObject
            {
                ["name"] = Chat, ["connector"] = Connector, ["customer"] = "+420777123456", ["customerName"] = "Jana Nováková",
            }, e => e["queue"] = Queue)),
        ("interaction.offered", "The routing engine offers it to an agent",
            Event("evt-2002", "interaction.offered", "2026-11-27T09:16:20+01:00", Named(), e => e["user"] = Agent)),
        ("interaction.accepted", "The agent accepts (tB): an activity opens",
            Event("evt-2003", "interaction.accepted", "2026-11-27T09:16:30+01:00", Named(), e =>
            {
                e["user"] = Agent;
                e["activity"] = ChatActivity;
            })),
        ("activity.focused", "The agent desktop shows the chat",
            Event("evt-2004", "activity.focused", "2026-11-27T09:16:30+01:00", Named(), e => e["activity"] = ChatActivity)),
        ("message.sent", "The agent answers (with the id the Cloud API returned)",
            Event("evt-2005", "message.sent", "2026-11-27T09:17:00+01:00", Named(), e =>
            {
                e["user"] = Agent;
                e["message"] = new JsonObject { ["whatsAppMessageId"] = "wamid.HBgMNDIwNzc3MTIzNDU2FQIAERgSQUE1RjE3", ["text"] = "Dobrý den, hned to zjistím." };
            })),
        ("activity.heartbeat", "The agent desktop is alive (every 30 s while focused)",
            Event("evt-2006", "activity.heartbeat", "2026-11-27T09:17:30+01:00", Named(), e => e["activity"] = ChatActivity)),
        ("activity.blurred", "The agent switches to another chat",
            Event("evt-2007", "activity.blurred", "2026-11-27T09:17:50+01:00", Named(), e => e["activity"] = ChatActivity)),
        ("interaction.transferred", "Transferred to a queue",
            Event("evt-2008", "interaction.transferred", "2026-11-27T09:20:00+01:00", Named(), e => e["queue"] = Queue)),
        ("interaction.transferred.user", "Transferred to a user (a new activity)",
            Event("evt-2009", "interaction.transferred", "2026-11-27T09:21:00+01:00", Named(), e => e["user"] = Colleague)),
        ("interaction.closed", "The chat ends (tC), ended by the customer",
            Event("evt-2010", "interaction.closed", "2026-11-27T09:25:00+01:00", Named(), e => e["endedBy"] = "CUSTOMER")),
        ("activity.closed", "The agent closes the activity (tD) with notes",
            Event("evt-2011", "activity.closed", "2026-11-27T09:26:00+01:00", Named(), e =>
            {
                e["activity"] = ChatActivity;
                e["notes"] = "Reklamace předána na sklad.";
            })),
        ("interaction.created", "An agent starts an outbound chat (by connector and customer)",
            Event("evt-3001", "interaction.created", "2026-11-27T10:00:00+01:00", new JsonObject
            {
                ["connector"] = Connector, ["customer"] = "+420777654321",
            }, e => e["user"] = Agent)),
    ];

    private static JsonObject Named() => new() { ["name"] = Chat };

    private static JsonObject Event(string id, string type, string occurredAt, JsonObject? interaction, Action<JsonObject> with)
    {
        var e = new JsonObject { ["id"] = id, ["type"] = type, ["occurredAt"] = occurredAt };
        if (interaction is not null)
        {
            e["interaction"] = interaction;
        }

        with(e);
        return e;
    }
}
