using System.Globalization;
using System.Text.Json.Nodes;

namespace WapListing.Web.Simulation;

/// <summary>One request the simulator sends: a signed webhook body, or a batch for the events API.</summary>
public abstract record SimulatedSend;

/// <summary>A webhook as Meta sends it, with how many customer messages and statuses it carries.</summary>
public sealed record WebhookSend(JsonObject Body, int CustomerMessages, int Statuses) : SimulatedSend;

/// <summary>A batch of contact-centre events, with how many agent messages it carries.</summary>
public sealed record EventsSend(JsonArray Events, int AgentMessages) : SimulatedSend;

public enum ChatKind
{
    Answered,
    Missed,
    TimedOut,
    Transferred,
    Parallel,
    ComputerDies,
    WithoutWaId,
}

/// <summary>
/// One chat (or, for <see cref="ChatKind.Parallel"/>, two) as phases of requests, played with a real pause between
/// phases. Times are simulated: the chat is dated minutes in the past so wait, talk and focus look like a real day.
/// </summary>
public sealed record ChatScript(
    ChatKind Kind,
    string Description,
    IReadOnlyList<IReadOnlyList<SimulatedSend>> Phases,
    int Interactions,
    int Missed,
    int ContactedBack,
    int Anomalies);

/// <summary>Builds the chats of a contact centre: realistic Czech and English texts, media, statuses, agents.</summary>
public sealed class ScenarioBuilder(SimulatorOptions options, Random random)
{
    private static readonly ChatKind[] FirstKinds =
        [ChatKind.Answered, ChatKind.Missed, ChatKind.ComputerDies, ChatKind.Parallel, ChatKind.Transferred, ChatKind.WithoutWaId, ChatKind.TimedOut];

    private static readonly string[] CzechOpenings =
    [
        "Dobrý den, objednávka 2026-11834 mi ještě nedorazila, můžete se podívat?",
        "Dobrý den, nejde mi přihlásit se do aplikace, píše to neplatné heslo.",
        "Zdravím, chtěla bych reklamovat kávovar, netěsní mu nádržka.",
        "Dobrý den, jaká je cena tarifu Plus při ročním placení?",
        "Ahoj, potřebuju změnit adresu doručení u objednávky.",
        "Dobrý den, platba kartou mi neprošla, ale peníze se strhly.",
        "Dobrý den, máte skladem pračku WX-800 v bílé barvě?",
    ];

    private static readonly string[] EnglishOpenings =
    [
        "Hi, my parcel was marked delivered but I never got it.",
        "Hello, I was charged twice for my last invoice.",
        "Hi there, can I upgrade my plan in the middle of the month?",
        "Good morning, the app keeps crashing when I open my account.",
        "Hello, I'd like to cancel my order 55120, please.",
    ];

    private static readonly string[] CzechFollowUps = ["Děkuji, to je rychlé.", "A kdy to můžu čekat?", "Posílám fotku štítku.", "Dobře, zkusím to.", "Haló, je tam někdo?"];
    private static readonly string[] EnglishFollowUps = ["Thanks, that was quick.", "When can I expect it?", "Sending a photo of the label.", "OK, I'll try that.", "Hello? Anyone there?"];
    private static readonly string[] CzechReplies = ["Dobrý den, hned se na to podívám.", "Objednávka je na cestě, dorazí zítra do 12:00.", "Reklamaci jsem založil, číslo je R-4821.", "Heslo jsem vám resetoval, přišel vám e-mail.", "Děkujeme, přejeme hezký den."];
    private static readonly string[] EnglishReplies = ["Hello, let me check that for you.", "Your parcel is on its way and arrives tomorrow.", "I've refunded the duplicate payment.", "I've reset your password; check your e-mail.", "Thank you, have a nice day."];
    private static readonly string[] CzechNames = ["Jana Dvořáková", "Petr Svoboda", "Lucie Černá", "Tomáš Procházka", "Eva Kučerová", "Martin Veselý", "Kateřina Horáková"];
    private static readonly string[] EnglishNames = ["Emily Clarke", "James Walker", "Sophie Turner", "Oliver Hughes", "Amelia Wright"];

    public ChatScript Build(int index, DateTimeOffset now)
    {
        var kind = index < FirstKinds.Length ? FirstKinds[index] : Pick();
        var line = options.Lines[random.Next(options.Lines.Count)];
        var tA = TruncateToSecond(now.AddMinutes(-15 - random.Next(5)));
        return kind switch
        {
            ChatKind.Missed or ChatKind.TimedOut => MissedChat(kind, line, tA),
            ChatKind.Parallel => ParallelChats(line, tA),
            ChatKind.WithoutWaId => WithoutWaIdChat(line, tA),
            _ => AnsweredChat(kind, line, tA),
        };
    }

    private ChatKind Pick() => random.Next(100) switch
    {
        < 45 => ChatKind.Answered,
        < 60 => ChatKind.Missed,
        < 65 => ChatKind.TimedOut,
        < 75 => ChatKind.Transferred,
        < 85 => ChatKind.Parallel,
        < 92 => ChatKind.ComputerDies,
        _ => ChatKind.WithoutWaId,
    };

    private sealed record Customer(string Number, string Name, bool Czech)
    {
        public string WaId => Number[1..];
    }

    private Customer NewCustomer(SimulatedLine line) => line.Czech
        ? new Customer("+4207" + Digits(8), CzechNames[random.Next(CzechNames.Length)], true)
        : new Customer("+447" + Digits(9), EnglishNames[random.Next(EnglishNames.Length)], false);

    private string Agent() => options.Agents[random.Next(options.Agents.Count)];

    private ChatScript AnsweredChat(ChatKind kind, SimulatedLine line, DateTimeOffset tA)
    {
        var customer = NewCustomer(line);
        var agent = Agent();
        var activity = NewActivity();
        var wait = 15 + random.Next(100);
        var tB = tA.AddSeconds(wait);
        var reply1 = NewWamid();
        var reply2 = NewWamid();
        var events = new EventList(this, line, customer);

        var p0 = new List<SimulatedSend> { CustomerWebhook(line, customer, tA, opening: true, media: random.Next(4) == 0) };
        events.Add("interaction.queued", tA, e => e["queue"] = line.QueueKey);
        events.Add("interaction.offered", tB.AddSeconds(-8), e => e["user"] = agent);
        events.Add("interaction.accepted", tB, e => { e["user"] = agent; e["activity"] = activity; });
        events.Focus(agent, activity, tB, tB.AddSeconds(kind == ChatKind.ComputerDies ? 70 : 150), dies: kind == ChatKind.ComputerDies);
        events.AgentMessage(agent, reply1, Reply(customer, 0), tB.AddSeconds(40));
        var p1 = new List<SimulatedSend> { events.Take() };

        var failed = random.Next(10) == 0;
        var p2 = new List<SimulatedSend>
        {
            StatusWebhook(line, customer, (reply1, "sent", tB.AddSeconds(41)), (reply1, failed ? "failed" : "delivered", tB.AddSeconds(43))),
            CustomerWebhook(line, customer, tB.AddSeconds(90), opening: false, media: random.Next(3) == 0),
        };

        var agents = 1;
        if (kind == ChatKind.Transferred)
        {
            var colleague = options.Agents.Count > 1 ? options.Agents.First(a => a != agent) : agent;
            var second = NewActivity();
            var toQueue = random.Next(2) == 0;
            events.Add("interaction.transferred", tB.AddSeconds(160), e =>
            {
                if (toQueue)
                {
                    e["queue"] = options.TransferQueueKey;
                }
                else
                {
                    e["user"] = colleague;
                    e["activity"] = second;
                }
            });
            events.Add("activity.closed", tB.AddSeconds(165), e => { e["user"] = agent; e["activity"] = activity; e["notes"] = "Předáno dál"; });
            if (toQueue)
            {
                events.Add("interaction.offered", tB.AddSeconds(170), e => e["user"] = colleague);
                events.Add("interaction.accepted", tB.AddSeconds(180), e => { e["user"] = colleague; e["activity"] = second; });
            }

            events.Focus(colleague, second, tB.AddSeconds(180), tB.AddSeconds(300), dies: false);
            events.AgentMessage(colleague, reply2, Reply(customer, 2), tB.AddSeconds(200));
            events.Add("interaction.closed", tB.AddSeconds(290), e => e["endedBy"] = "AGENT");
            events.Add("activity.closed", tB.AddSeconds(320), e => { e["user"] = colleague; e["activity"] = second; e["notes"] = "Vyřešeno po předání"; });
            agents = 2;
        }
        else
        {
            events.AgentMessage(agent, reply2, Reply(customer, 1), tB.AddSeconds(kind == ChatKind.ComputerDies ? 60 : 120));
            events.Add("interaction.closed", tB.AddSeconds(240), e => e["endedBy"] = random.Next(2) == 0 ? "CUSTOMER" : "AGENT");
            // A computer that dies: heartbeats stop at +60 s, its activity is closed by the server only much later.
            events.Add("activity.closed", tB.AddSeconds(kind == ChatKind.ComputerDies ? 600 : 260), e =>
            {
                e["user"] = agent;
                e["activity"] = activity;
                e["notes"] = kind == ChatKind.ComputerDies ? "Uzavřeno systémem" : "Vyřešeno";
            });
        }

        var p3 = new List<SimulatedSend>
        {
            // A failed reply never reaches the customer, so WhatsApp never reports it read.
            failed
                ? StatusWebhook(line, customer, (reply2, "sent", tB.AddSeconds(201)), (reply2, "delivered", tB.AddSeconds(203)))
                : StatusWebhook(line, customer, (reply1, "read", tB.AddSeconds(95)), (reply2, "sent", tB.AddSeconds(201)), (reply2, "delivered", tB.AddSeconds(203))),
        };
        var p4 = new List<SimulatedSend> { events.Take() };
        var description = $"{kind,-12} {line.ConnectorKey,-16} {customer.Number,-14} {customer.Name} · wait {wait} s · {agents} agent(s)"
            + (failed ? " · first reply failed (131047)" : string.Empty)
            + (kind == ChatKind.ComputerDies ? " · computer died (anomaly)" : string.Empty);
        return new ChatScript(kind, description, [p0, p1, p2, p3, p4], 1, 0, 0, kind == ChatKind.ComputerDies ? 1 : 0);
    }

    private ChatScript MissedChat(ChatKind kind, SimulatedLine line, DateTimeOffset tA)
    {
        var customer = NewCustomer(line);
        var agent = Agent();
        var events = new EventList(this, line, customer);
        var p0 = new List<SimulatedSend> { CustomerWebhook(line, customer, tA, opening: true, media: false) };
        events.Add("interaction.queued", tA, e => e["queue"] = line.QueueKey);
        if (kind == ChatKind.TimedOut)
        {
            events.Add("interaction.offered", tA.AddSeconds(30), e => e["user"] = agent);
        }

        var p1 = new List<SimulatedSend> { events.Take() };
        var p2 = new List<SimulatedSend> { CustomerWebhook(line, customer, tA.AddSeconds(60), opening: false, media: false, text: customer.Czech ? "Haló? Je tam někdo?" : "Hello? Anyone there?") };
        var closedAt = tA.AddSeconds(kind == ChatKind.TimedOut ? 300 : 180);
        events.Add("interaction.closed", closedAt, e => e["endedBy"] = kind == ChatKind.TimedOut ? "TIMEOUT" : "CUSTOMER");
        var p3 = new List<SimulatedSend> { events.Take() };
        if (kind == ChatKind.TimedOut)
        {
            return new ChatScript(kind, $"{kind,-12} {line.ConnectorKey,-16} {customer.Number,-14} {customer.Name} · timed out after 300 s", [p0, p1, p2, p3], 1, 1, 0, 0);
        }

        // The contact-back: an agent writes to the customer who gave up, on the same connector.
        var callBack = NewWamid();
        var back = closedAt.AddSeconds(120);
        var outbound = new EventList(this, line, customer);
        outbound.Add("interaction.created", back, e => { e["user"] = agent; e["activity"] = NewActivity(); });
        outbound.AgentMessage(agent, callBack, customer.Czech ? "Dobrý den, omlouváme se za čekání. Jak vám můžeme pomoci?" : "Hello, sorry for the wait. How can we help?", back.AddSeconds(5));
        var p4 = new List<SimulatedSend> { outbound.Take() };
        var p5 = new List<SimulatedSend>
        {
            StatusWebhook(line, customer, (callBack, "sent", back.AddSeconds(6)), (callBack, "delivered", back.AddSeconds(8)), (callBack, "read", back.AddSeconds(30))),
            CustomerWebhook(line, customer, back.AddSeconds(60), opening: false, media: false, text: customer.Czech ? "Děkuji, už je to vyřešené." : "Thanks, it's sorted now."),
        };
        outbound.Add("interaction.closed", back.AddSeconds(120), e => e["endedBy"] = "AGENT");
        var p6 = new List<SimulatedSend> { outbound.Take() };
        return new ChatScript(kind, $"{kind,-12} {line.ConnectorKey,-16} {customer.Number,-14} {customer.Name} · gave up after 180 s, contacted back", [p0, p1, p2, p3, p4, p5, p6], 2, 1, 1, 0);
    }

    /// <summary>One agent, two customers at once: focus switches between the two chats' activities.</summary>
    private ChatScript ParallelChats(SimulatedLine line, DateTimeOffset tA)
    {
        var agent = Agent();
        var first = NewCustomer(line);
        var second = NewCustomer(line);
        var (a1, a2) = (NewActivity(), NewActivity());
        var (m1, m2) = (NewWamid(), NewWamid());
        var tB = tA.AddSeconds(20);
        var e1 = new EventList(this, line, first);
        var e2 = new EventList(this, line, second);
        var p0 = new List<SimulatedSend>
        {
            CustomerWebhook(line, first, tA, opening: true, media: false),
            CustomerWebhook(line, second, tA.AddSeconds(10), opening: true, media: true),
        };
        e1.Add("interaction.queued", tA, e => e["queue"] = line.QueueKey);
        e1.Add("interaction.accepted", tB, e => { e["user"] = agent; e["activity"] = a1; });
        e2.Add("interaction.queued", tA.AddSeconds(10), e => e["queue"] = line.QueueKey);
        e2.Add("interaction.accepted", tB.AddSeconds(5), e => { e["user"] = agent; e["activity"] = a2; });

        // Focus: first 0–60, second 60–120, first 120–180, second 180–240.
        e1.Focus(agent, a1, tB, tB.AddSeconds(60), dies: false);
        e2.Focus(agent, a2, tB.AddSeconds(60), tB.AddSeconds(120), dies: false);
        e1.Focus(agent, a1, tB.AddSeconds(120), tB.AddSeconds(180), dies: false);
        e2.Focus(agent, a2, tB.AddSeconds(180), tB.AddSeconds(240), dies: false);
        e1.AgentMessage(agent, m1, Reply(first, 1), tB.AddSeconds(30));
        e2.AgentMessage(agent, m2, Reply(second, 1), tB.AddSeconds(90));
        var p1 = new List<SimulatedSend> { e1.Take(), e2.Take() };
        var p2 = new List<SimulatedSend>
        {
            StatusWebhook(line, first, (m1, "sent", tB.AddSeconds(31)), (m1, "delivered", tB.AddSeconds(32)), (m1, "read", tB.AddSeconds(50))),
            StatusWebhook(line, second, (m2, "sent", tB.AddSeconds(91)), (m2, "delivered", tB.AddSeconds(93))),
        };
        e1.Add("interaction.closed", tB.AddSeconds(245), e => e["endedBy"] = "CUSTOMER");
        e1.Add("activity.closed", tB.AddSeconds(250), e => { e["user"] = agent; e["activity"] = a1; });
        e2.Add("interaction.closed", tB.AddSeconds(250), e => e["endedBy"] = "AGENT");
        e2.Add("activity.closed", tB.AddSeconds(255), e => { e["user"] = agent; e["activity"] = a2; });
        var p3 = new List<SimulatedSend> { e1.Take(), e2.Take() };
        return new ChatScript(ChatKind.Parallel, $"{ChatKind.Parallel,-12} {line.ConnectorKey,-16} {first.Number} + {second.Number} · {agent} switches focus 4×", [p0, p1, p2, p3], 2, 0, 0, 0);
    }

    /// <summary>A customer with a username: no <c>wa_id</c>, only the business-scoped user id. No routing events name them by number.</summary>
    private ChatScript WithoutWaIdChat(SimulatedLine line, DateTimeOffset tA)
    {
        var userId = (line.Czech ? "CZ." : "GB.") + Digits(19);
        var name = line.Czech ? "Tomáš" : "Tom";
        var body = Envelope(line, new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name, ["username"] = "@" + name.ToLowerInvariant() + Digits(3) }, ["user_id"] = userId }),
            ["messages"] = new JsonArray(new JsonObject
            {
                ["from_user_id"] = userId,
                ["id"] = NewWamid(),
                ["timestamp"] = Unix(tA),
                ["type"] = "text",
                ["text"] = new JsonObject { ["body"] = line.Czech ? CzechOpenings[random.Next(CzechOpenings.Length)] : EnglishOpenings[random.Next(EnglishOpenings.Length)] },
            }),
        });
        return new ChatScript(ChatKind.WithoutWaId, $"{ChatKind.WithoutWaId,-12} {line.ConnectorKey,-16} {userId} · no wa_id, waits in the queue", [[new WebhookSend(body, 1, 0)]], 1, 0, 0, 0);
    }

    private WebhookSend CustomerWebhook(SimulatedLine line, Customer customer, DateTimeOffset at, bool opening, bool media, string? text = null)
    {
        text ??= opening
            ? customer.Czech ? CzechOpenings[random.Next(CzechOpenings.Length)] : EnglishOpenings[random.Next(EnglishOpenings.Length)]
            : customer.Czech ? CzechFollowUps[random.Next(CzechFollowUps.Length - 1)] : EnglishFollowUps[random.Next(EnglishFollowUps.Length - 1)];
        var message = new JsonObject { ["from"] = customer.WaId, ["id"] = NewWamid(), ["timestamp"] = Unix(at) };
        if (media)
        {
            var mediaId = Digits(16);
            switch (random.Next(3))
            {
                case 0:
                    message["type"] = "image";
                    message["image"] = new JsonObject { ["id"] = mediaId, ["mime_type"] = "image/jpeg", ["sha256"] = Digits(20), ["caption"] = text };
                    break;
                case 1:
                    message["type"] = "document";
                    message["document"] = new JsonObject { ["id"] = mediaId, ["mime_type"] = "application/pdf", ["sha256"] = Digits(20), ["filename"] = customer.Czech ? "faktura.pdf" : "invoice.pdf", ["caption"] = text };
                    break;
                default:
                    message["type"] = "audio";
                    message["audio"] = new JsonObject { ["id"] = mediaId, ["mime_type"] = "audio/ogg; codecs=opus", ["voice"] = true };
                    break;
            }
        }
        else
        {
            message["type"] = "text";
            message["text"] = new JsonObject { ["body"] = text };
        }

        var body = Envelope(line, new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = customer.Name }, ["wa_id"] = customer.WaId }),
            ["messages"] = new JsonArray(message),
        });
        return new WebhookSend(body, 1, 0);
    }

    private static WebhookSend StatusWebhook(SimulatedLine line, Customer customer, params (string Wamid, string Status, DateTimeOffset At)[] statuses)
    {
        var list = new JsonArray();
        foreach (var (wamid, status, at) in statuses)
        {
            var s = new JsonObject { ["id"] = wamid, ["status"] = status, ["timestamp"] = Unix(at), ["recipient_id"] = customer.WaId };
            if (status == "failed")
            {
                s["errors"] = new JsonArray(new JsonObject
                {
                    ["code"] = 131047,
                    ["title"] = "Re-engagement message",
                    ["message"] = "Re-engagement message",
                    ["error_data"] = new JsonObject { ["details"] = "Message failed to send because more than 24 hours have passed since the customer last replied to this number." },
                });
            }

            list.Add(s);
        }

        return new WebhookSend(Envelope(line, new JsonObject { ["statuses"] = list }), 0, statuses.Length);
    }

    private static JsonObject Envelope(SimulatedLine line, JsonObject value)
    {
        value["messaging_product"] = "whatsapp";
        value["metadata"] = new JsonObject { ["display_phone_number"] = line.PhoneNumberId, ["phone_number_id"] = line.PhoneNumberId };
        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
    }

    private string Reply(Customer customer, int step) =>
        customer.Czech ? CzechReplies[Math.Min(step, CzechReplies.Length - 1)] : EnglishReplies[Math.Min(step, EnglishReplies.Length - 1)];

    private string NewWamid() => "wamid.SIM" + Convert.ToHexString(RandomBytes(16));

    private string NewActivity() => Domain.Entities.Activity.NamePrefix + "sim" + Convert.ToHexStringLower(RandomBytes(6));

    private string NewEventId() => "sim-" + Convert.ToHexStringLower(RandomBytes(12));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(i => (char)('0' + (i == 0 ? 1 + random.Next(9) : random.Next(10)))));

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset TruncateToSecond(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    /// <summary>Events of one interaction (named by connector + customer), collected until taken as a batch.</summary>
    private sealed class EventList(ScenarioBuilder builder, SimulatedLine line, Customer customer)
    {
        private JsonArray _events = [];
        private int _agentMessages;

        public void Add(string type, DateTimeOffset at, Action<JsonObject>? with = null)
        {
            var e = new JsonObject
            {
                ["id"] = builder.NewEventId(),
                ["type"] = type,
                ["occurredAt"] = at.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                ["interaction"] = new JsonObject { ["connector"] = line.ConnectorKey, ["customer"] = customer.Number, ["customerName"] = customer.Name },
            };
            with?.Invoke(e);
            _events.Add(e);
        }

        public void AgentMessage(string agent, string wamid, string text, DateTimeOffset at)
        {
            Add("message.sent", at, e => { e["user"] = agent; e["message"] = new JsonObject { ["whatsAppMessageId"] = wamid, ["text"] = text }; });
            _agentMessages++;
        }

        /// <summary>Focused from <paramref name="from"/>, heartbeats every 30 s, blurred at <paramref name="to"/> — or, when the computer dies, heartbeats stop at <paramref name="to"/> and no blur comes.</summary>
        public void Focus(string agent, string activity, DateTimeOffset from, DateTimeOffset to, bool dies)
        {
            Add("activity.focused", from, e => { e["user"] = agent; e["activity"] = activity; });
            for (var at = from.AddSeconds(30); at < to; at = at.AddSeconds(30))
            {
                Add("activity.heartbeat", at, e => { e["user"] = agent; e["activity"] = activity; });
            }

            if (!dies)
            {
                Add("activity.blurred", to, e => { e["user"] = agent; e["activity"] = activity; });
            }
        }

        public EventsSend Take()
        {
            var batch = new EventsSend(_events, _agentMessages);
            _events = [];
            _agentMessages = 0;
            return batch;
        }
    }
}
