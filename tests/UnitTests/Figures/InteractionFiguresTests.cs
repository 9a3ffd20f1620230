using WapListing.Domain.Entities;
using WapListing.Domain.Figures;
using static WapListing.Domain.Figures.FigureEventType;

namespace WapListing.UnitTests.Figures;

/// <summary>The derivation rules of DESIGN §9 B, one case per rule, and their convergence under duplicates and disorder.</summary>
public sealed class InteractionFiguresTests
{
    private const int Agent = 7;
    private const int Colleague = 8;
    private const int Support = 3;
    private const int Billing = 4;
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = T0.AddDays(1);

    private static FigureEvent E(string id, FigureEventType type, int seconds, int? user = null, int? queue = null, string? activity = null, EndedBy? endedBy = null) =>
        new(id, type, T0.AddSeconds(seconds), user, queue, activity, endedBy);

    public sealed record Case(string Rule, FigureEvent[] Events, Func<DerivedInteraction, object> Figure, object Expected)
    {
        public override string ToString() => Rule;
    }

    public static TheoryData<Case> Rules => new()
    {
        new("wait = tB − tA", Answered(), r => r.WaitTime, 90),
        new("duration = tC − tA", Answered(), r => r.Duration, 690),
        new("talk = tC − tB", Answered(), r => r.TalkTime, 600),
        new("answered = accepted before closed", Answered(), r => r.Answered, true),
        new("ended by comes from the close", Answered(), r => r.EndedBy!, EndedBy.Customer),
        new("the user column is the last handler", Answered(), r => r.UserId!, Agent),
        new("an answered chat is not missed", Answered(), r => r.Missed, false),
        new("an unanswered inbound chat is missed", GaveUp(), r => r.Missed, true),
        new("missed time is tC", GaveUp(), r => r.MissedTime!, T0.AddSeconds(400)),
        new("an unanswered chat waited until it closed", GaveUp(), r => r.WaitTime, 400),
        new("an unanswered chat has no talk time", GaveUp(), r => r.TalkTime, 0),
        new("accepted after the close is not answered", [E("q", Queued, 0, queue: Support), E("c", Closed, 50, endedBy: EndedBy.Timeout), E("a", Accepted, 60, user: Agent)], r => r.Answered, false),
        new("an open chat is not missed yet", [E("q", Queued, 0, queue: Support)], r => r.Missed, false),
        new("outbound waits 0", Outbound(reply: true), r => r.WaitTime, 0),
        new("outbound is answered when the customer writes back", Outbound(reply: true), r => r.Answered, true),
        new("outbound without a reply is not answered", Outbound(reply: false), r => r.Answered, false),
        new("outbound without a reply is never missed", Outbound(reply: false), r => r.Missed, false),
        new("outbound direction", Outbound(reply: false), r => r.Direction, InteractionDirection.Out),
        new("a transfer to a user hands the row to them", TransferToColleague(), r => r.UserId!, Colleague),
        new("participants are everyone who had an activity", TransferToColleague(), r => string.Join(",", r.Participants), "7,8"),
        new("a transfer ends the first activity at its time", TransferToColleague(), r => r.Activities[0].ClosedAt!, T0.AddSeconds(300)),
        new("a transfer opens the second activity", TransferToColleague(), r => r.Activities[1].Status, ActivityStatus.Open),
        new("a transfer to a queue moves the row", [E("q", Queued, 0, queue: Support), E("a", Accepted, 10, user: Agent), E("t", TransferredToQueue, 60, queue: Billing), E("b", Accepted, 90, user: Colleague)], r => r.QueueId!, Billing),
        new("focus time sums the focused intervals", Focus(), r => r.Activities[0].FocusTime, 120),
        new("interruptions are blurs followed by a refocus", Focus(), r => r.Activities[0].FocusInterruptions, 1),
        new("observed focus is no anomaly", Focus(), r => r.Activities[0].TimeAnomaly, false),
        new("focus whose end was never seen counts to the last heartbeat", DeadComputer(), r => r.Activities[0].FocusTime, 120),
        new("focus whose end was never seen is an anomaly", DeadComputer(), r => r.Activities[0].TimeAnomaly, true),
        new("closing while focused and alive ends the focus at the close", ClosedWhileFocused(), r => r.Activities[0].FocusTime, 190),
        new("closing while focused and alive is no anomaly", ClosedWhileFocused(), r => r.Activities[0].TimeAnomaly, false),
        new("activity duration is tD − tB", Focus(), r => r.Activities[0].Duration, 190),
        new("activity names given by the sender are kept", [E("q", Queued, 0), E("a", Accepted, 5, user: Agent, activity: "activities_given")], r => r.Activities[0].Name, "activities_given"),
        new("activity names are minted from the event id", [E("q", Queued, 0), E("a", Accepted, 5, user: Agent)], r => r.Activities[0].Name, InteractionFigures.MintActivityName("a")),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule(Case rule) => Assert.Equal(rule.Expected, rule.Figure(InteractionFigures.Derive(rule.Events, Later)));

    [Fact]
    public void Live_focus_is_no_anomaly_until_the_heartbeats_stop_for_longer_than_the_grace()
    {
        FigureEvent[] events = [E("q", Queued, 0), E("a", Accepted, 10, user: Agent), E("f", ActivityFocused, 10, user: Agent), E("h", ActivityHeartbeat, 40, user: Agent)];

        var live = InteractionFigures.Derive(events, T0.AddSeconds(60)).Activities[0];
        var dead = InteractionFigures.Derive(events, T0.AddSeconds(40) + InteractionFigures.HeartbeatGrace + TimeSpan.FromSeconds(1)).Activities[0];

        Assert.False(live.TimeAnomaly);
        Assert.Equal(30, live.FocusTime);
        Assert.True(dead.TimeAnomaly);
        Assert.Equal(30, dead.FocusTime);
    }

    [Fact]
    public void Duplicates_and_any_delivery_order_give_the_same_figures()
    {
        var random = new Random(20261127);
        for (var day = 0; day < 300; day++)
        {
            var events = RandomChat(random);
            var once = InteractionFigures.Derive(events, Later);

            for (var delivery = 0; delivery < 5; delivery++)
            {
                var shuffled = events.Concat(events.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();

                var again = InteractionFigures.Derive(shuffled, Later);

                Assert.Equivalent(once, again, strict: true);
            }
        }
    }

    private static FigureEvent[] Answered() =>
    [
        E("q", Queued, 0, queue: Support),
        E("o", OfferedToUser, 80, user: Agent),
        E("a", Accepted, 90, user: Agent),
        E("c", Closed, 690, endedBy: EndedBy.Customer),
        E("d", ActivityClosed, 720, user: Agent),
    ];

    private static FigureEvent[] GaveUp() =>
    [
        E("q", Queued, 0, queue: Support),
        E("m", CustomerMessage, 0),
        E("c", Closed, 400, endedBy: EndedBy.Customer),
    ];

    private static FigureEvent[] Outbound(bool reply) =>
    [
        E("n", CreatedOutbound, 0, user: Agent, queue: Support),
        E("s", AgentMessage, 1, user: Agent),
        .. reply ? [E("r", CustomerMessage, 120)] : Array.Empty<FigureEvent>(),
        E("c", Closed, 600, endedBy: EndedBy.Agent),
    ];

    private static FigureEvent[] TransferToColleague() =>
    [
        E("q", Queued, 0, queue: Support),
        E("a", Accepted, 30, user: Agent),
        E("t", TransferredToUser, 300, user: Colleague),
        E("c", Closed, 900, endedBy: EndedBy.Customer),
    ];

    private static FigureEvent[] Focus() =>
    [
        E("q", Queued, 0),
        E("a", Accepted, 10, user: Agent),
        E("f1", ActivityFocused, 10, user: Agent),
        E("b1", ActivityBlurred, 70, user: Agent),
        E("f2", ActivityFocused, 100, user: Agent),
        E("b2", ActivityBlurred, 160, user: Agent),
        E("d", ActivityClosed, 200, user: Agent),
    ];

    private static FigureEvent[] DeadComputer() =>
    [
        E("q", Queued, 0),
        E("a", Accepted, 10, user: Agent),
        E("f", ActivityFocused, 10, user: Agent),
        E("h1", ActivityHeartbeat, 40, user: Agent),
        E("h2", ActivityHeartbeat, 70, user: Agent),
        E("h3", ActivityHeartbeat, 130, user: Agent),
        E("d", ActivityClosed, 1000, user: Agent),
    ];

    private static FigureEvent[] ClosedWhileFocused() =>
    [
        E("q", Queued, 0),
        E("a", Accepted, 10, user: Agent),
        E("f", ActivityFocused, 10, user: Agent),
        E("h", ActivityHeartbeat, 170, user: Agent),
        E("d", ActivityClosed, 200, user: Agent),
    ];

    private static List<FigureEvent> RandomChat(Random random)
    {
        var events = new List<FigureEvent>();
        var t = 0;
        int Step(int max) => t += random.Next(0, max);
        var outbound = random.Next(4) == 0;
        events.Add(outbound ? E("start", CreatedOutbound, 0, user: Agent, queue: Support) : E("start", Queued, 0, queue: Support));
        var users = new[] { Agent, Colleague };
        for (var i = 0; i < random.Next(0, 12); i++)
        {
            var user = users[random.Next(users.Length)];
            var type = (FigureEventType)random.Next((int)ActivityClosed + 1);
            events.Add(E($"e{i}", type, Step(120), user: user, queue: random.Next(2) == 0 ? Support : Billing, endedBy: (EndedBy)random.Next(6)));
        }

        return events;
    }
}
