using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Manage.ApiKeys;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>The contact-centre events API of DESIGN §9 B, over real HTTP with API keys, into PostgreSQL.</summary>
public sealed class EventsApiTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
    private string _suffix = string.Empty;
    private User _agent = null!;
    private User _colleague = null!;
    private Queue _queue = null!;
    private string _ingestKey = string.Empty;

    public async Task InitializeAsync()
    {
        _suffix = TestData.Suffix();
        await using var db = app.OpenDb();
        var connector = await db.Connectors.SingleAsync(c => c.Id == app.Connector.Id);
        connector.ExternalKey ??= "wa-main";
        _queue = new Queue { Name = $"Support {_suffix}", ExternalKey = $"q-{_suffix}", ConnectorId = connector.Id };
        db.Queues.Add(_queue);
        await db.SaveChangesAsync();
        var data = new TestData(app.ConnectionString);
        _agent = await data.AddUserAsync(UserRole.Agent, displayName: $"Adam {_suffix}");
        _colleague = await data.AddUserAsync(UserRole.Agent, displayName: $"Bára {_suffix}");
        foreach (var (user, key) in new[] { (_agent, $"u-a-{_suffix}"), (_colleague, $"u-b-{_suffix}") })
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ExternalKey, key));
        }

        var integration = await data.AddUserAsync(UserRole.Administrator);
        (_, _ingestKey) = await app.App.AddApiKeyAsync(app.ConnectionString, integration, ApiKeyScopes.Ingest);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private string UserKey(User user) => user == _agent ? $"u-a-{_suffix}" : $"u-b-{_suffix}";

    private JsonObject Event(string id, string type, int second, string interaction, Action<JsonObject>? with = null)
    {
        var e = new JsonObject
        {
            ["id"] = $"{id}-{_suffix}",
            ["type"] = type,
            ["occurredAt"] = T0.AddSeconds(second).ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["interaction"] = new JsonObject { ["name"] = interaction },
        };
        with?.Invoke(e);
        return e;
    }

    private JsonObject[] AnsweredChat(string name, string prefix = "") =>
    [
        Event(prefix + "q", "interaction.queued", 0, name, e => e["queue"] = _queue.ExternalKey),
        Event(prefix + "o", "interaction.offered", 80, name, e => e["user"] = UserKey(_agent)),
        Event(prefix + "a", "interaction.accepted", 90, name, e => { e["user"] = UserKey(_agent); e["activity"] = $"activities_{prefix}{_suffix}"; }),
        Event(prefix + "f1", "activity.focused", 90, name, e => e["user"] = UserKey(_agent)),
        Event(prefix + "m", "message.sent", 120, name, e => { e["user"] = UserKey(_agent); e["message"] = new JsonObject { ["whatsAppMessageId"] = $"wamid.{prefix}{_suffix}", ["text"] = "Dobrý den, hned to zjistím." }; }),
        Event(prefix + "b1", "activity.blurred", 150, name, e => e["user"] = UserKey(_agent)),
        Event(prefix + "f2", "activity.focused", 200, name, e => e["user"] = UserKey(_agent)),
        Event(prefix + "c", "interaction.closed", 690, name, e => e["endedBy"] = "CUSTOMER"),
        Event(prefix + "b2", "activity.blurred", 700, name, e => e["user"] = UserKey(_agent)),
        Event(prefix + "d", "activity.closed", 720, name, e => { e["user"] = UserKey(_agent); e["notes"] = "Vyřešeno"; }),
    ];

    private Task<HttpResponseMessage> PostAsync(IEnumerable<JsonNode> events, string? key = null, bool ndjson = false)
    {
        var http = new HttpClient { BaseAddress = app.Http.BaseAddress };
        if ((key ?? _ingestKey) is { Length: > 0 } secret)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        var body = ndjson
            ? string.Join("\n", events.Select(e => e.ToJsonString())) + "\n"
            : new JsonArray(events.Select(e => e.DeepClone()).ToArray()).ToJsonString();
        return http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, ndjson ? "application/x-ndjson" : "application/json"));
    }

    [Fact]
    public async Task A_chat_told_by_its_events_gets_the_figures_of_the_rules()
    {
        var name = $"wap_events{_suffix}";

        var response = await PostAsync(AnsweredChat(name));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.OpenDb();
        var chat = await db.Interactions.AsNoTracking().Include(i => i.Activities).Include(i => i.Participants).SingleAsync(i => i.Name == name);
        Assert.Equal((InteractionDirection.In, _queue.Id, _agent.Id), (chat.Direction, chat.QueueId, chat.UserId));
        Assert.Equal((true, 90, 690, 600, EndedBy.Customer), (chat.Answered, chat.WaitTime, chat.Duration, chat.TalkTime, chat.EndedBy));
        Assert.Equal(MissedState.None, chat.MissedState);
        Assert.Equal([_agent.Id], chat.Participants.Select(p => p.UserId));
        var activity = Assert.Single(chat.Activities);
        Assert.Equal($"activities_{_suffix}", activity.Name);
        Assert.Equal((60 + 500, 1, false, ActivityStatus.Close), (activity.FocusTime, activity.FocusInterruptions, activity.TimeAnomaly, activity.Status));
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.InteractionId == chat.Id);
        Assert.Equal((MessageDirection.AgentToCustomer, "Dobrý den, hned to zjistím.", _agent.Id), (message.Direction, message.Text, message.AuthorUserId));
        var steps = await db.ProcessingEvents.AsNoTracking().Where(p => p.InteractionId == chat.Id).OrderBy(p => p.Time).Select(p => p.Kind).ToListAsync();
        Assert.Equal([ProcessingEventKind.EnteredQueue, ProcessingEventKind.OfferedToAgent, ProcessingEventKind.Accepted, ProcessingEventKind.Closed], steps);
    }

    [Fact]
    public async Task A_retried_batch_stores_nothing_twice()
    {
        var name = $"wap_retry{_suffix}";
        var first = await PostAsync(AnsweredChat(name));
        var again = await PostAsync(AnsweredChat(name), ndjson: true);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var answer = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(0, (int)answer["stored"]!);
        Assert.Equal(10, (int)answer["duplicates"]!);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Interactions.CountAsync(i => i.Name == name));
        Assert.Equal(10, await db.InteractionEvents.CountAsync(e => db.Interactions.Any(i => i.Id == e.InteractionId && i.Name == name)));
        Assert.Equal(1, await db.Messages.CountAsync(m => m.WhatsAppMessageId == $"wamid.{_suffix}"));
    }

    [Fact]
    public async Task Shuffled_and_partly_duplicated_events_give_the_same_rows_as_in_order_once()
    {
        var random = new Random(27);
        var ordered = $"wap_ordered{_suffix}";
        var shuffled = $"wap_shuffled{_suffix}";
        var inOrder = AnsweredChat(ordered, "o-");
        var disorder = AnsweredChat(shuffled, "s-").OrderBy(_ => random.Next()).ToList();
        disorder.AddRange(disorder.Where(_ => random.Next(2) == 0).Select(e => (JsonObject)e.DeepClone()).ToList());
        disorder = disorder.OrderBy(_ => random.Next()).ToList();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(inOrder)).StatusCode);
        foreach (var part in disorder.Chunk(3))
        {
            var response = await PostAsync(part.DistinctBy(e => (string)e["id"]!));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var db = app.OpenDb();
        var rows = await db.Interactions.AsNoTracking().Where(i => i.Name == ordered || i.Name == shuffled)
            .OrderBy(i => i.Name == shuffled)
            .Select(i => new
            {
                i.Time,
                i.Direction,
                i.QueueId,
                i.UserId,
                i.Answered,
                i.WaitTime,
                i.Duration,
                i.TalkTime,
                i.EndedBy,
                i.MissedState,
                i.ClosedTime,
                Activities = i.Activities.Select(a => new { a.UserId, a.Status, a.CreatedAt, a.ClosedAt, a.Duration, a.FocusTime, a.FocusInterruptions, a.TimeAnomaly }).ToList()
            })
            .ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equivalent(rows[0], rows[1], strict: true);
    }

    public static TheoryData<string, string> BadItems() => new()
    {
        { "id", "[1].id" },
        { "type", "[1].type" },
        { "occurredAt-without-offset", "[1].occurredAt" },
        { "occurredAt-garbage", "[1].occurredAt" },
        { "interaction", "[1].interaction" },
        { "interaction-name", "[1].interaction.name" },
        { "customer", "[1].interaction.customer" },
        { "user-missing", "[1].user" },
        { "user-unknown", "[1].user" },
        { "queue-unknown", "[1].queue" },
        { "connector-unknown", "[1].interaction.connector" },
        { "endedBy", "[1].endedBy" },
        { "message-id", "[1].message.whatsAppMessageId" },
        { "transfer-both", "[1].queue" },
        { "duplicate-id", "[1].id" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task One_bad_event_refuses_the_whole_batch_naming_its_path(string fault, string path)
    {
        var name = $"wap_bad{fault.Replace("-", "", StringComparison.Ordinal)}{_suffix}";
        var good = Event("good-" + fault, "interaction.queued", 0, name, e => e["queue"] = _queue.ExternalKey);
        var bad = Event("bad-" + fault, "interaction.accepted", 10, name, e => e["user"] = UserKey(_agent));
        switch (fault)
        {
            case "id": bad.Remove("id"); break;
            case "type": bad["type"] = "interaction.teleported"; break;
            case "occurredAt-without-offset": bad["occurredAt"] = "2026-11-27T09:00:10"; break;
            case "occurredAt-garbage": bad["occurredAt"] = "yesterday"; break;
            case "interaction": bad.Remove("interaction"); break;
            case "interaction-name": bad["interaction"] = new JsonObject { ["name"] = "chat-42" }; break;
            case "customer": bad["interaction"] = new JsonObject { ["connector"] = "wa-main", ["customer"] = "777 123 456" }; break;
            case "user-missing": bad.Remove("user"); break;
            case "user-unknown": bad["user"] = "nobody-" + _suffix; break;
            case "queue-unknown": bad["type"] = "interaction.queued"; bad["queue"] = "no-queue-" + _suffix; break;
            case "connector-unknown": bad["interaction"] = new JsonObject { ["connector"] = "no-connector", ["customer"] = "+420777123456" }; break;
            case "endedBy": bad["type"] = "interaction.closed"; bad["endedBy"] = "MOON"; break;
            case "message-id": bad["type"] = "message.sent"; bad["message"] = new JsonObject { ["text"] = "hi" }; break;
            case "transfer-both": bad["type"] = "interaction.transferred"; bad["queue"] = _queue.ExternalKey; break;
            case "duplicate-id": bad["id"] = (string)good["id"]!; break;
            default: throw new ArgumentOutOfRangeException(nameof(fault));
        }

        var response = await PostAsync([good, bad]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![path]);
        await using var db = app.OpenDb();
        Assert.False(await db.Interactions.AnyAsync(i => i.Name == name));
        Assert.False(await db.InteractionEvents.AnyAsync(e => e.EventId == (string)good["id"]!));
    }

    [Fact]
    public async Task A_body_that_is_not_a_batch_is_refused_with_its_path()
    {
        var http = new HttpClient { BaseAddress = app.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _ingestKey);

        var notArray = await http.PostAsync("/api/v1/events", new StringContent("{\"id\":\"x\"}", Encoding.UTF8, "application/json"));
        var badLine = await http.PostAsync("/api/v1/events", new StringContent("{\"id\":\"a\"}\n{oops\n", Encoding.UTF8, "application/x-ndjson"));
        var tooMany = await PostAsync(Enumerable.Range(0, 1001).Select(i => (JsonNode)Event($"many{i}", "activity.heartbeat", i, "wap_many", e => e["user"] = UserKey(_agent))));
        var wrongType = await http.PostAsync("/api/v1/events", new StringContent("[]", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notArray.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLine.StatusCode);
        Assert.NotNull(JsonNode.Parse(await badLine.Content.ReadAsStringAsync())!["errors"]!["[1]"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
    }

    [Fact]
    public async Task Only_a_live_ingest_key_may_send_events()
    {
        var data = new TestData(app.ConnectionString);
        var owner = await data.AddUserAsync(UserRole.Administrator);
        var (_, readOnly) = await app.App.AddApiKeyAsync(app.ConnectionString, owner, ApiKeyScopes.Read);
        var (_, expired) = await app.App.AddApiKeyAsync(app.ConnectionString, owner, ApiKeyScopes.Ingest, expiresAt: app.App.Clock.GetUtcNow().AddMinutes(-1));
        var (revokedKey, revoked) = await app.App.AddApiKeyAsync(app.ConnectionString, owner, ApiKeyScopes.Ingest);
        await using (var db = app.OpenDb())
        {
            await db.ApiKeys.Where(k => k.Id == revokedKey.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, app.App.Clock.GetUtcNow()));
        }

        JsonNode[] batch = [Event("auth", "interaction.queued", 0, $"wap_auth{_suffix}")];
        var none = new HttpClient { BaseAddress = app.Http.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await none.PostAsync("/api/v1/events", new StringContent(new JsonArray(batch[0].DeepClone()).ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(batch, readOnly)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(batch, expired)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(batch, revoked)).StatusCode);
        await using var check = app.OpenDb();
        Assert.False(await check.Interactions.AnyAsync(i => i.Name == $"wap_auth{_suffix}"));
    }

    [Fact]
    public async Task A_missed_chat_becomes_contacted_back_when_an_agent_writes_to_the_customer_whatever_the_order()
    {
        var customer = "+420" + Random.Shared.Next(600_000_000, 799_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var missed = $"wap_missed{_suffix}";
        var callBack = $"wap_callback{_suffix}";
        JsonObject ByCustomer(JsonObject e, string name)
        {
            e["interaction"] = new JsonObject { ["name"] = name, ["connector"] = "wa-main", ["customer"] = customer };
            return e;
        }

        // The call-back arrives first; the missed chat's events come late.
        var outbound = new[]
        {
            ByCustomer(Event("cb-n", "interaction.created", 3600, callBack, e => e["user"] = UserKey(_colleague)), callBack),
            ByCustomer(Event("cb-m", "message.sent", 3610, callBack, e => { e["user"] = UserKey(_colleague); e["message"] = new JsonObject { ["whatsAppMessageId"] = $"wamid.cb{_suffix}", ["text"] = "Volali jste nám?" }; }), callBack),
        };
        var inbound = new[]
        {
            ByCustomer(Event("mi-q", "interaction.queued", 0, missed, e => e["queue"] = _queue.ExternalKey), missed),
            ByCustomer(Event("mi-c", "interaction.closed", 300, missed, e => e["endedBy"] = "CUSTOMER"), missed),
        };

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(outbound)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(inbound)).StatusCode);

        await using var db = app.OpenDb();
        var chat = await db.Interactions.AsNoTracking().SingleAsync(i => i.Name == missed);
        Assert.Equal(MissedState.ContactedBack, chat.MissedState);
        Assert.Equal(T0.AddSeconds(300), chat.MissedTime);
        Assert.Equal(await db.Interactions.Where(i => i.Name == callBack).Select(i => (long?)i.Id).SingleAsync(), chat.ContactedBackById);
    }

    [Fact]
    public async Task Reference_data_is_upserted_by_external_key_and_usable_in_the_same_batch()
    {
        var name = $"wap_refs{_suffix}";
        JsonNode[] batch =
        [
            new JsonObject { ["id"] = $"r1-{_suffix}", ["type"] = "queue.upserted", ["occurredAt"] = "2026-11-27T08:00:00Z", ["record"] = new JsonObject { ["externalKey"] = $"q-new-{_suffix}", ["name"] = "Reklamace <b>EN</b>", ["connector"] = "wa-main" } },
            new JsonObject { ["id"] = $"r2-{_suffix}", ["type"] = "user.upserted", ["occurredAt"] = "2026-11-27T08:00:00Z", ["record"] = new JsonObject { ["externalKey"] = $"u-new-{_suffix}", ["name"] = "Cecílie Nová", ["login"] = $"cnova{_suffix}" } },
            Event("r3", "interaction.queued", 0, name, e => e["queue"] = $"q-new-{_suffix}"),
            Event("r4", "interaction.accepted", 30, name, e => e["user"] = $"u-new-{_suffix}"),
        ];

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(batch)).StatusCode);
        batch[0]!["record"]!["name"] = "Reklamace EN";
        batch[0]!["id"] = $"r1b-{_suffix}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync([batch[0]!])).StatusCode);

        await using var db = app.OpenDb();
        var queue = await db.Queues.AsNoTracking().SingleAsync(q => q.ExternalKey == $"q-new-{_suffix}");
        Assert.Equal(("Reklamace EN", app.Connector.Id), (queue.Name, queue.ConnectorId));
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.ExternalKey == $"u-new-{_suffix}");
        var chat = await db.Interactions.AsNoTracking().SingleAsync(i => i.Name == name);
        Assert.Equal((queue.Id, user.Id), (chat.QueueId!.Value, chat.UserId!.Value));
    }

    [Fact]
    public async Task A_status_that_came_before_its_message_is_applied_when_the_message_arrives()
    {
        var wamid = $"wamid.early{_suffix}";
        var statuses = Encoding.UTF8.GetString(WebhookAppFixture.Fixture("statuses")).Replace("wamid.OUT1", wamid, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(Encoding.UTF8.GetBytes(statuses))).StatusCode);
        await app.DrainedAsync();

        var name = $"wap_early{_suffix}";
        var response = await PostAsync(
        [
            Event("e-n", "interaction.created", 0, name, e => e["user"] = UserKey(_agent)),
            Event("e-m", "message.sent", 5, name, e => { e["user"] = UserKey(_agent); e["message"] = new JsonObject { ["whatsAppMessageId"] = wamid, ["text"] = "Dobrý den" }; }),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(DeliveryStatus.Delivered, await db.Messages.Where(m => m.WhatsAppMessageId == wamid).Select(m => m.DeliveryStatus).SingleAsync());
    }

    [Fact]
    public async Task A_chat_the_webhook_opened_shows_one_queueing_step_once_the_routing_engine_reports_it()
    {
        var number = "420" + Random.Shared.Next(600_000_000, 799_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var wamid = $"wamid.route{_suffix}";
        var webhook = Encoding.UTF8.GetString(WebhookAppFixture.Fixture("text"))
            .Replace("420777123456", number, StringComparison.Ordinal)
            .Replace("wamid.HBgLNDIwNzc3MTIzNDU2FQIAEhgUM0VCMEQ1", wamid, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(Encoding.UTF8.GetBytes(webhook))).StatusCode);
        await app.DrainedAsync();
        var byCustomer = new JsonObject { ["connector"] = "wa-main", ["customer"] = "+" + number };

        var response = await PostAsync(
        [
            new JsonObject { ["id"] = $"rq-{_suffix}", ["type"] = "interaction.queued", ["occurredAt"] = "2026-11-27T09:00:02Z", ["interaction"] = byCustomer.DeepClone(), ["queue"] = _queue.ExternalKey },
            new JsonObject { ["id"] = $"ra-{_suffix}", ["type"] = "interaction.accepted", ["occurredAt"] = "2026-11-27T09:00:30Z", ["interaction"] = byCustomer.DeepClone(), ["user"] = UserKey(_agent) },
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.OpenDb();
        var chat = await db.Interactions.AsNoTracking().SingleAsync(i => i.Messages.Any(m => m.WhatsAppMessageId == wamid));
        Assert.Equal((_queue.Id, _agent.Id, 30), (chat.QueueId!.Value, chat.UserId!.Value, chat.WaitTime));
        Assert.Equal(1, await db.ProcessingEvents.CountAsync(p => p.InteractionId == chat.Id && p.Kind == ProcessingEventKind.EnteredQueue));
    }
}
