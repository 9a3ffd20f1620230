using System.Globalization;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data.Configurations;
using WapListing.Infrastructure.Time;

namespace WapListing.Infrastructure.Seeding;

/// <summary>
/// Sixty days of WhatsApp chats up to now, deterministic for a given day. Today's first chats are
/// fixed so that every ended-by value, missed state, transfers and the hostile strings are always there.
/// </summary>
internal sealed class DemoInteractionGenerator(DemoReferenceData reference, DateTimeOffset now, DateOnly today, TimeZoneInfo zone)
{
    private const int Seed = 20261127;
    private const int Days = 60;
    private static readonly Dictionary<string, string> TeamOfQueue = new()
    {
        ["Podpora CZ"] = "Tým Podpora",
        ["Technická podpora"] = "Tým Podpora",
        ["Prodej CZ"] = "Tým Prodej",
        ["VIP zákazníci"] = "Tým Prodej",
        ["Reklamace"] = "Tým Reklamace",
        ["Noční směna"] = "Tým Reklamace",
        ["International Support"] = "Team International",
        ["Billing EN"] = "Team International",
        ["Stará linka (zrušeno)"] = "Tým Podpora",
        ["Pilot 2025"] = "Team International",
    };

    private static readonly MessageType[] SpecialMessageTypes =
        [MessageType.Image, MessageType.Document, MessageType.Location, MessageType.Reaction, MessageType.Deleted,
         MessageType.Audio, MessageType.Video, MessageType.Sticker, MessageType.Contacts, MessageType.Interactive, MessageType.Unsupported];

    private readonly Random _random = new(Seed);
    private readonly HashSet<string> _names = [];
    private readonly List<Interaction> _interactions = [];
    private readonly List<Ticket> _tickets = [];
    private readonly List<(Interaction, Interaction)> _callBacks = [];
    private int _messageCounter;

    private enum Kind
    {
        Answered,
        Transfer,
        Missed,
        Outbound,
        Orphan,
    }

    private sealed record Plan(
        Kind Kind,
        Queue? Queue = null,
        DemoCustomer? Customer = null,
        EndedBy? EndedBy = null,
        MissedState? Missed = null,
        Queue? TransferTo = null,
        User? FirstAgent = null);

    public DemoInteractions Generate()
    {
        for (var i = 0; i < 30; i++)
        {
            _tickets.Add(new Ticket
            {
                Number = TicketConfiguration.FirstNumber + i,
                Title = DemoTexts.TicketTitles[i % DemoTexts.TicketTitles.Length],
                Status = (TicketStatus)(i % 3),
            });
        }

        for (var daysAgo = Days - 1; daysAgo >= 1; daysAgo--)
        {
            var day = today.AddDays(-daysAgo);
            var count = 34 + _random.Next(12);
            foreach (var time in TimesOn(day, count))
            {
                Add(time, RandomPlan(daysAgo), daysAgo);
            }
        }

        var forced = TodaysFixedPlans();
        var todaysTimes = TodaysTimes(forced.Count + 50);
        for (var i = 0; i < todaysTimes.Count; i++)
        {
            Add(todaysTimes[i], i < forced.Count ? forced[i] : RandomPlan(0), 0);
        }

        return new DemoInteractions(_interactions, _tickets, _callBacks);
    }

    private List<Plan> TodaysFixedPlans()
    {
        var support = QueueNamed("Podpora CZ");
        var plans = new List<Plan>();
        EndedBy[] answeredEnds = [EndedBy.Customer, EndedBy.Agent, EndedBy.Timeout, EndedBy.System];
        for (var i = 0; i < DemoTexts.Hostile.Length; i++)
        {
            plans.Add(new Plan(Kind.Answered, support, reference.Customers[i], answeredEnds[i % answeredEnds.Length]));
        }

        plans.Add(new Plan(Kind.Missed, support, EndedBy: EndedBy.NoAgent, Missed: MissedState.Shown));
        plans.Add(new Plan(Kind.Missed, QueueNamed("Prodej CZ"), EndedBy: EndedBy.OutOfHours, Missed: MissedState.Removed));
        plans.Add(new Plan(Kind.Missed, support, EndedBy: EndedBy.Timeout, Missed: MissedState.ContactedBack));
        plans.Add(new Plan(Kind.Missed, QueueNamed("Reklamace"), EndedBy: EndedBy.Customer, Missed: MissedState.None));
        plans.Add(new Plan(Kind.Orphan, EndedBy: EndedBy.OutOfHours, Missed: MissedState.Shown));
        plans.Add(new Plan(Kind.Outbound, QueueNamed("Prodej CZ")));
        plans.Add(new Plan(Kind.Transfer, QueueNamed("Technická podpora"), EndedBy: EndedBy.Customer,
            TransferTo: QueueNamed("Reklamace"), FirstAgent: reference.DemoAgent));
        plans.Add(new Plan(Kind.Transfer, support, EndedBy: EndedBy.Agent, TransferTo: QueueNamed("International Support")));
        plans.Add(new Plan(Kind.Answered, QueueNamed("Technická podpora"), EndedBy: EndedBy.Customer));
        plans.Add(new Plan(Kind.Answered, QueueNamed("Billing EN"), EndedBy: EndedBy.Agent));
        return plans;
    }

    private Plan RandomPlan(int daysAgo)
    {
        var roll = _random.NextDouble();
        var queue = RandomQueue(daysAgo);
        if (roll < 0.03)
        {
            return new Plan(Kind.Orphan, EndedBy: _random.Next(2) == 0 ? EndedBy.OutOfHours : EndedBy.NoAgent, Missed: MissedState.Shown);
        }

        if (roll < 0.11)
        {
            return new Plan(Kind.Outbound, queue);
        }

        if (roll < 0.28)
        {
            EndedBy[] ends = [EndedBy.NoAgent, EndedBy.OutOfHours, EndedBy.Customer, EndedBy.Timeout];
            var missedRoll = _random.NextDouble();
            var missed = missedRoll < 0.5 ? MissedState.Shown
                : missedRoll < 0.7 ? MissedState.Removed
                : missedRoll < 0.9 ? MissedState.ContactedBack
                : MissedState.None;
            return new Plan(Kind.Missed, queue, EndedBy: ends[_random.Next(ends.Length)], Missed: missed);
        }

        var ended = _random.NextDouble() switch
        {
            < 0.4 => EndedBy.Customer,
            < 0.8 => EndedBy.Agent,
            < 0.95 => EndedBy.Timeout,
            _ => EndedBy.System,
        };
        return _random.NextDouble() < 0.25
            ? new Plan(Kind.Transfer, queue, EndedBy: ended, TransferTo: RandomQueue(daysAgo, except: queue))
            : new Plan(Kind.Answered, queue, EndedBy: ended);
    }

    private void Add(DateTimeOffset time, Plan plan, int daysAgo)
    {
        var customer = plan.Customer ?? reference.Customers[_random.Next(reference.Customers.Count)];
        var queue = plan.Queue;
        var connectorId = queue?.ConnectorId ?? reference.Connectors[_random.Next(reference.Connectors.Count)].Id;
        var interaction = new Interaction
        {
            Name = UniqueName(Interaction.NamePrefix),
            Time = time,
            Direction = plan.Kind == Kind.Outbound ? InteractionDirection.Out : InteractionDirection.In,
            QueueId = queue?.Id,
            ConnectorId = connectorId,
            CustomerNumber = customer.Number,
            WhatsAppContact = customer.ProfileName,
            ContactId = customer.Contact?.Id,
        };

        var answered = plan.Kind is Kind.Answered or Kind.Transfer || (plan.Kind == Kind.Outbound && _random.Next(10) < 7);
        interaction.Answered = answered;
        interaction.WaitTime = plan.Kind == Kind.Outbound ? 0 : answered ? 5 + _random.Next(240) : 60 + _random.Next(900);
        interaction.Duration = answered ? interaction.WaitTime + 120 + _random.Next(2400) : interaction.WaitTime;
        interaction.TalkTime = answered ? (int)((interaction.Duration - interaction.WaitTime) * (0.5 + (_random.NextDouble() * 0.4))) : 0;
        interaction.EndedBy = plan.EndedBy ?? (plan.Kind == Kind.Outbound ? (answered ? EndedBy.Agent : EndedBy.Timeout) : null);
        var closed = time.AddSeconds(interaction.Duration);
        var stillOpen = closed > now;
        interaction.ClosedTime = stillOpen ? null : closed;
        if (stillOpen && answered)
        {
            interaction.EndedBy = null;
        }

        var agents = AgentsFor(plan, queue, daysAgo);
        AddActivities(interaction, agents, customer, stillOpen);
        AddMissedHandling(interaction, plan, customer, daysAgo);
        AddMessages(interaction, customer, agents);
        AddProcessingEvents(interaction);
        _interactions.Add(interaction);
    }

    private List<(User Agent, Queue Queue)> AgentsFor(Plan plan, Queue? queue, int daysAgo)
    {
        if (plan.Kind is Kind.Missed or Kind.Orphan || queue is null)
        {
            return [];
        }

        var first = plan.FirstAgent ?? RandomAgent(queue, daysAgo, exclude: null);
        var chain = new List<(User, Queue)> { (first, queue) };
        if (plan.Kind == Kind.Transfer && plan.TransferTo is { } next)
        {
            chain.Add((RandomAgent(next, daysAgo, exclude: first), next));
            if (_random.Next(4) == 0)
            {
                var third = RandomQueue(daysAgo, except: next);
                chain.Add((RandomAgent(third, daysAgo, exclude: chain[^1].Item1), third));
            }
        }

        return chain;
    }

    private void AddActivities(Interaction interaction, List<(User Agent, Queue Queue)> chain, DemoCustomer customer, bool stillOpen)
    {
        var ticket = chain.Count > 0 && _random.Next(7) == 0 ? _tickets[_random.Next(_tickets.Count)] : null;
        if (chain.Count == 0)
        {
            interaction.Activities.Add(new Activity
            {
                Name = UniqueName(Activity.NamePrefix),
                QueueId = interaction.QueueId,
                Status = ActivityStatus.Close,
                CreatedAt = interaction.Time,
                ClosedAt = interaction.ClosedTime,
                Duration = interaction.Duration,
                ContactId = customer.Contact?.Id,
            });
            return;
        }

        var talk = interaction.Duration - interaction.WaitTime;
        var share = talk / chain.Count;
        var start = interaction.Time.AddSeconds(interaction.WaitTime);
        for (var i = 0; i < chain.Count; i++)
        {
            var (agent, queue) = chain[i];
            var last = i == chain.Count - 1;
            var duration = last ? talk - (share * i) : share;
            var anomaly = _random.Next(30) == 0;
            var activity = new Activity
            {
                Name = UniqueName(Activity.NamePrefix),
                UserId = agent.Id,
                QueueId = queue.Id,
                Status = last && stillOpen ? ActivityStatus.Open : ActivityStatus.Close,
                CreatedAt = start,
                OpenedAt = start,
                ClosedAt = last && stillOpen ? null : start.AddSeconds(duration),
                Duration = duration,
                FocusTime = anomaly ? duration + 600 + _random.Next(3600) : (int)(duration * (0.4 + (_random.NextDouble() * 0.55))),
                FocusInterruptions = _random.Next(7),
                TimeAnomaly = anomaly,
                ContactId = customer.Contact?.Id,
                Ticket = ticket,
            };
            var reviewedAt = start.AddSeconds(duration).AddHours(20 + _random.Next(48));
            if (_random.Next(16) == 0 && reviewedAt < now)
            {
                activity.QaReviews.Add(new QaReview
                {
                    ReviewerId = reference.Reviewers[_random.Next(reference.Reviewers.Count)].Id,
                    Time = reviewedAt,
                    Score = 40 + _random.Next(61),
                    Comment = DemoTexts.QaComments[_random.Next(DemoTexts.QaComments.Length)],
                });
            }

            interaction.Activities.Add(activity);
            if (interaction.Participants.All(p => p.UserId != agent.Id))
            {
                interaction.Participants.Add(new InteractionParticipant { UserId = agent.Id });
            }

            start = start.AddSeconds(duration);
        }

        interaction.UserId = chain[^1].Agent.Id;
        interaction.QueueId = chain[^1].Queue.Id;
    }

    private void AddMissedHandling(Interaction interaction, Plan plan, DemoCustomer customer, int daysAgo)
    {
        if (plan.Kind is not (Kind.Missed or Kind.Orphan))
        {
            return;
        }

        interaction.MissedState = plan.Missed ?? MissedState.Shown;
        if (interaction.MissedState == MissedState.None)
        {
            return;
        }

        interaction.MissedTime = interaction.Time.AddSeconds(interaction.WaitTime);
        if (interaction.MissedState != MissedState.ContactedBack)
        {
            return;
        }

        var callBackTime = interaction.MissedTime.Value.AddMinutes(10 + _random.Next(110));
        if (callBackTime >= now || interaction.QueueId is null)
        {
            interaction.MissedState = MissedState.Shown;
            return;
        }

        var queue = reference.Queues.First(q => q.Id == interaction.QueueId);
        var agent = RandomAgent(queue, daysAgo, exclude: null);
        var callBack = new Interaction
        {
            Name = UniqueName(Interaction.NamePrefix),
            Time = callBackTime,
            Direction = InteractionDirection.Out,
            QueueId = queue.Id,
            UserId = agent.Id,
            ConnectorId = interaction.ConnectorId,
            CustomerNumber = interaction.CustomerNumber,
            WhatsAppContact = interaction.WhatsAppContact,
            ContactId = interaction.ContactId,
            Answered = true,
            Duration = 300 + _random.Next(900),
            EndedBy = EndedBy.Agent,
        };
        callBack.TalkTime = callBack.Duration / 2;
        callBack.ClosedTime = callBackTime.AddSeconds(callBack.Duration) < now ? callBackTime.AddSeconds(callBack.Duration) : null;
        var chain = new List<(User, Queue)> { (agent, queue) };
        AddActivities(callBack, chain, customer, callBack.ClosedTime is null);
        AddMessages(callBack, customer, chain);
        AddProcessingEvents(callBack);
        interaction.ProcessingEvents.Add(new ProcessingEvent
        {
            Time = callBackTime,
            Kind = ProcessingEventKind.ContactedBack,
            QueueId = queue.Id,
            UserId = agent.Id,
            Detail = callBack.Name,
        });
        _interactions.Add(callBack);
        _callBacks.Add((interaction, callBack));
    }

    private void AddMessages(Interaction interaction, DemoCustomer customer, List<(User Agent, Queue Queue)> chain)
    {
        var count = 2 + _random.Next(7);
        var span = Math.Max(interaction.Duration, 60);
        var outbound = interaction.Direction == InteractionDirection.Out;
        for (var k = 0; k < count; k++)
        {
            var fromCustomer = outbound ? k % 2 == 1 : k % 2 == 0;
            if (chain.Count == 0 && !outbound)
            {
                fromCustomer = true;
            }

            var time = interaction.Time.AddSeconds(span * k / count);
            if (time >= now)
            {
                break;
            }

            var agent = chain.Count == 0 ? null : chain[Math.Min(k * chain.Count / count, chain.Count - 1)].Agent;
            var message = new Message
            {
                Time = time,
                Direction = fromCustomer ? MessageDirection.CustomerToAgent : MessageDirection.AgentToCustomer,
                AuthorUserId = fromCustomer ? null : agent?.Id,
                AuthorName = fromCustomer ? customer.ProfileName : agent?.DisplayName,
                WhatsAppMessageId = $"wamid.{interaction.Name}.{k}",
                DeliveryStatus = fromCustomer ? DeliveryStatus.Read
                    : _random.Next(25) == 0 ? DeliveryStatus.Failed
                    : (DeliveryStatus)_random.Next(3),
                Type = MessageType.Text,
            };
            message.Text = TextFor(k, count, fromCustomer, customer);
            if (message.DeliveryStatus == DeliveryStatus.Failed)
            {
                (message.DeliveryErrorCode, message.DeliveryErrorTitle) = (131047, "Re-engagement message");
            }
            if (k > 0 && ++_messageCounter % 6 == 0)
            {
                MakeSpecial(message, SpecialMessageTypes[_messageCounter / 6 % SpecialMessageTypes.Length]);
            }

            interaction.Messages.Add(message);
        }
    }

    private string TextFor(int index, int count, bool fromCustomer, DemoCustomer customer)
    {
        if (fromCustomer && index <= 1 && customer.IsHostile)
        {
            return customer.ProfileName;
        }

        if (fromCustomer)
        {
            return index <= 1
                ? Pick(customer.IsEnglish ? DemoTexts.CustomerOpeningsEn : DemoTexts.CustomerOpeningsCs)
                : index >= count - 2 ? Pick(DemoTexts.Closings) : Pick(customer.IsEnglish ? DemoTexts.CustomerOpeningsEn : DemoTexts.CustomerOpeningsCs);
        }

        return Pick(customer.IsEnglish ? DemoTexts.AgentRepliesEn : DemoTexts.AgentRepliesCs);
    }

    private static void MakeSpecial(Message message, MessageType type)
    {
        message.Type = type;
        switch (type)
        {
            case MessageType.Location:
                message.Text = "50.0813, 14.4280 — Václavské náměstí, Praha";
                break;
            case MessageType.Reaction:
                message.Text = "👍";
                break;
            case MessageType.Deleted:
                message.Text = null;
                break;
            case MessageType.Image:
                message.Text = "Fotka poškozeného balíku";
                message.Attachments.Add(Attachment("balik.png", "image/png", DemoAttachments.Png));
                break;
            case MessageType.Document:
                message.Text = "Faktura / invoice";
                message.Attachments.Add(Attachment("faktura-2026-1234.pdf", "application/pdf", DemoAttachments.Pdf));
                break;
            case MessageType.Audio:
                message.Text = null;
                message.Attachments.Add(Attachment("hlasova-zprava.ogg", "audio/ogg", DemoAttachments.Ogg));
                break;
            case MessageType.Video:
                message.Text = "Video z rozbalení";
                message.Attachments.Add(Attachment("video.mp4", "video/mp4", DemoAttachments.Mp4));
                break;
            case MessageType.Sticker:
                message.Text = null;
                message.Attachments.Add(Attachment("sticker.webp", "image/webp", DemoAttachments.Webp));
                break;
            case MessageType.Contacts:
                message.Text = "Petr Novák +420 602 111 222";
                break;
            case MessageType.Interactive:
                message.Text = "Ano, zavolejte mi";
                break;
            case MessageType.Unsupported:
                message.Text = "Message type unknown";
                break;
            case MessageType.Text:
            default:
                break;
        }
    }

    private static MessageAttachment Attachment(string fileName, string contentType, byte[] content) =>
        new() { FileName = fileName, ContentType = contentType, Size = content.Length, Content = content };

    private static void AddProcessingEvents(Interaction interaction)
    {
        var events = interaction.ProcessingEvents;
        var first = interaction.Activities.FirstOrDefault();
        events.Add(new ProcessingEvent { Time = interaction.Time, Kind = ProcessingEventKind.EnteredQueue, QueueId = first?.QueueId ?? interaction.QueueId });
        var activities = interaction.Activities.Where(a => a.UserId is not null).ToList();
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (i > 0)
            {
                events.Add(new ProcessingEvent { Time = activity.CreatedAt, Kind = ProcessingEventKind.TransferredToQueue, QueueId = activity.QueueId, UserId = activities[i - 1].UserId });
            }

            events.Add(new ProcessingEvent { Time = activity.CreatedAt.AddSeconds(-3), Kind = ProcessingEventKind.OfferedToAgent, QueueId = activity.QueueId, UserId = activity.UserId });
            events.Add(new ProcessingEvent { Time = activity.CreatedAt, Kind = ProcessingEventKind.Accepted, QueueId = activity.QueueId, UserId = activity.UserId });
        }

        if (interaction.MissedTime is { } missedAt)
        {
            events.Add(new ProcessingEvent { Time = missedAt, Kind = ProcessingEventKind.Missed, QueueId = interaction.QueueId });
            if (interaction.MissedState == MissedState.Removed)
            {
                events.Add(new ProcessingEvent { Time = missedAt.AddMinutes(30), Kind = ProcessingEventKind.RemovedFromMissed, QueueId = interaction.QueueId });
            }
        }

        if (interaction.EndedBy == EndedBy.Timeout)
        {
            events.Add(new ProcessingEvent { Time = interaction.ClosedTime ?? interaction.Time, Kind = ProcessingEventKind.TimedOut, QueueId = interaction.QueueId });
        }

        if (interaction.ClosedTime is { } closedAt)
        {
            events.Add(new ProcessingEvent { Time = closedAt, Kind = ProcessingEventKind.Closed, QueueId = interaction.QueueId, UserId = interaction.UserId, Detail = interaction.EndedBy?.ToString() });
        }

    }

    private User RandomAgent(Queue queue, int daysAgo, User? exclude)
    {
        var team = reference.Teams.First(t => t.Name == TeamOfQueue[queue.Name]);
        var candidates = team.Users
            .Where(u => u.UserName != "supervisor" && u != exclude && u.Role is UserRole.Agent or UserRole.Supervisor)
            .Where(u => u.IsActive || daysAgo > 20)
            .OrderBy(u => u.Id)
            .ToList();
        return candidates[_random.Next(candidates.Count)];
    }

    private Queue RandomQueue(int daysAgo, Queue? except = null)
    {
        var candidates = reference.Queues.Where(q => q != except && (q.IsActive || daysAgo > 30)).ToList();
        return candidates[_random.Next(candidates.Count)];
    }

    private Queue QueueNamed(string name) => reference.Queues.First(q => q.Name == name);

    private string Pick(string[] options) => options[_random.Next(options.Length)];

    private string UniqueName(string prefix)
    {
        string name;
        do
        {
            name = prefix + _random.NextInt64(0x1_0000_0000_0000, 0xF_FFFF_FFFF_FFFF).ToString("x13", CultureInfo.InvariantCulture);
        }
        while (!_names.Add(name));

        return name;
    }

    /// <summary>Chat times on a past day: mostly office hours, a few at night.</summary>
    private IEnumerable<DateTimeOffset> TimesOn(DateOnly day, int count)
    {
        var seconds = Enumerable.Range(0, count)
            .Select(_ => _random.Next(20) == 0 ? _random.Next(0, 24 * 3600) : _random.Next(7 * 3600, 22 * 3600))
            .Order()
            .ToList();
        return seconds.Select(s => LocalDay.ToInstant(day.ToDateTime(TimeOnly.MinValue).AddSeconds(s), zone));
    }

    /// <summary>Today's chat times, from local midnight to just before now, never in the future.</summary>
    private List<DateTimeOffset> TodaysTimes(int count)
    {
        var midnight = LocalDay.ToInstant(today.ToDateTime(TimeOnly.MinValue), zone);
        var span = (now - midnight).TotalSeconds;
        return Enumerable.Range(0, count)
            .Select(i => midnight.AddSeconds(Math.Floor(span * (i + 0.5) / count)))
            .Where(t => t < now)
            .ToList();
    }
}
