using System.Security.Cryptography;
using System.Text;
using WapListing.Domain.Entities;

namespace WapListing.Domain.Figures;

/// <summary>
/// The one place where the listing's figures come from (DESIGN §9 B): an interaction's stored events in, its row and its
/// activities out. Events are deduplicated on their id and folded in a fixed order (time, then the order of
/// <see cref="FigureEventType"/>, then id), so duplicates and out-of-order delivery converge to the same result.
/// <list type="bullet">
/// <item>wait = tB − tA (an unanswered chat: tC − tA; outbound: 0); duration = tC − tA; talk = tC − tB;</item>
/// <item>answered = accepted before closed (outbound: the customer wrote back before it closed);</item>
/// <item>missed = an inbound chat closed unanswered, at tC;</item>
/// <item>focus time = the sum of the activity's focused intervals; interruptions = blurs followed by a later refocus;</item>
/// <item>a focused interval whose end was never observed (heartbeats stopped) counts only to the last signal and sets the
/// time anomaly.</item>
/// </list>
/// </summary>
public static class InteractionFigures
{
    /// <summary>How long an agent desktop may stay silent (it sends a heartbeat every 30 s) before its focus is doubted.</summary>
    public static readonly TimeSpan HeartbeatGrace = TimeSpan.FromSeconds(90);

    public static DerivedInteraction Derive(IEnumerable<FigureEvent> events, DateTimeOffset now)
    {
        var ordered = events
            .DistinctBy(e => e.Id, StringComparer.Ordinal)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Type)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("An interaction has at least one event.", nameof(events));
        }

        var fold = new Fold();
        foreach (var e in ordered)
        {
            fold.Apply(e);
        }

        return fold.Result(ordered[0].At, now);
    }

    /// <summary>The app's name for an activity the sender did not name: stable, so recomputing gives the same name.</summary>
    public static string MintActivityName(string eventId) =>
        Activity.NamePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..24];

    private sealed class Fold
    {
        private readonly List<ActivityFold> _activities = [];
        private readonly List<int> _participants = [];
        private InteractionDirection? _direction;
        private DateTimeOffset? _tA;
        private DateTimeOffset? _tB;
        private DateTimeOffset? _tC;
        private DateTimeOffset? _customerReply;
        private EndedBy? _endedBy;
        private int? _queueId;
        private int? _userId;

        public void Apply(FigureEvent e)
        {
            switch (e.Type)
            {
                case FigureEventType.Queued:
                    _direction ??= InteractionDirection.In;
                    _tA ??= e.At;
                    _queueId = e.QueueId ?? _queueId;
                    break;
                case FigureEventType.CreatedOutbound:
                    _direction ??= InteractionDirection.Out;
                    _tA ??= e.At;
                    _queueId = e.QueueId ?? _queueId;
                    if (e.UserId is { } creator)
                    {
                        Open(e, creator);
                    }

                    break;
                case FigureEventType.OfferedToUser:
                    break;
                case FigureEventType.Accepted when e.UserId is { } user:
                    _tB ??= e.At;
                    if (LatestOf(user) is not { ClosedAt: null })
                    {
                        EndOpenActivities(e.At);
                        Open(e, user);
                    }

                    break;
                case FigureEventType.TransferredToQueue:
                    EndOpenActivities(e.At);
                    _queueId = e.QueueId ?? _queueId;
                    break;
                case FigureEventType.TransferredToUser when e.UserId is { } target:
                    EndOpenActivities(e.At);
                    _queueId = e.QueueId ?? _queueId;
                    Open(e, target);
                    break;
                case FigureEventType.CustomerMessage:
                    _direction ??= InteractionDirection.In;
                    _tA ??= e.At;
                    if (_tA < e.At)
                    {
                        _customerReply ??= e.At;
                    }

                    break;
                case FigureEventType.AgentMessage:
                    break;
                case FigureEventType.Closed:
                    if (_tC is null)
                    {
                        _tC = e.At;
                        _endedBy = e.EndedBy;
                    }

                    break;
                case FigureEventType.ActivityFocused:
                    Target(e)?.Focus(e.At);
                    break;
                case FigureEventType.ActivityBlurred:
                    Target(e)?.Blur(e.At);
                    break;
                case FigureEventType.ActivityHeartbeat:
                    Target(e)?.Seen(e.At);
                    break;
                case FigureEventType.ActivityClosed:
                    Target(e)?.Close(e.At);
                    break;
                default:
                    break;
            }
        }

        public DerivedInteraction Result(DateTimeOffset firstEvent, DateTimeOffset now)
        {
            var direction = _direction ?? InteractionDirection.In;
            var tA = _tA ?? firstEvent;
            var answered = direction == InteractionDirection.Out
                ? _customerReply is { } reply && (_tC is null || reply <= _tC)
                : _tB is { } tB && (_tC is null || tB <= _tC);
            var wait = direction == InteractionDirection.Out ? 0
                : answered ? Seconds(tA, _tB!.Value)
                : _tC is { } gaveUp ? Seconds(tA, gaveUp)
                : 0;
            var duration = _tC is { } tC ? Seconds(tA, tC) : 0;
            var talk = answered && _tC is { } end && _tB is { } start ? Seconds(start, end) : 0;
            if (direction == InteractionDirection.Out && answered && _tC is { } outEnd)
            {
                talk = Seconds(_customerReply!.Value, outEnd);
            }

            var missed = direction == InteractionDirection.In && _tC is not null && !answered;
            return new DerivedInteraction(
                direction,
                tA,
                _queueId,
                _userId,
                answered,
                wait,
                duration,
                talk,
                _endedBy,
                missed,
                missed ? _tC : null,
                _tC,
                _participants.Order().ToList(),
                _activities.Select(a => a.Result(now)).ToList());
        }

        private void Open(FigureEvent e, int user)
        {
            _activities.Add(new ActivityFold(e.ActivityName ?? MintActivityName(e.Id), user, _queueId, e.At));
            _userId = user;
            if (!_participants.Contains(user))
            {
                _participants.Add(user);
            }
        }

        private void EndOpenActivities(DateTimeOffset at)
        {
            foreach (var activity in _activities.Where(a => a.ClosedAt is null))
            {
                activity.Close(at);
            }
        }

        private ActivityFold? LatestOf(int user) => _activities.LastOrDefault(a => a.UserId == user);

        private ActivityFold? Target(FigureEvent e) =>
            e.ActivityName is { } name
                ? _activities.LastOrDefault(a => a.Name == name)
                : e.UserId is { } user ? LatestOf(user) : _activities.LastOrDefault();
    }

    private sealed class ActivityFold(string name, int userId, int? queueId, DateTimeOffset openedAt)
    {
        private DateTimeOffset? _focusedSince;
        private DateTimeOffset _lastSignal = DateTimeOffset.MinValue;
        private TimeSpan _focus;
        private bool _blurredSinceFocus;
        private int _interruptions;
        private bool _anomaly;

        public string Name => name;
        public int UserId => userId;
        public DateTimeOffset? ClosedAt { get; private set; }

        private DateTimeOffset LastSignal => _lastSignal > openedAt ? _lastSignal : openedAt;

        public void Focus(DateTimeOffset at)
        {
            Seen(at);
            if (_focusedSince is not null || ClosedAt is not null)
            {
                return;
            }

            _focusedSince = at;
            if (_blurredSinceFocus)
            {
                _interruptions++;
                _blurredSinceFocus = false;
            }
        }

        public void Blur(DateTimeOffset at)
        {
            if (_focusedSince is { } since)
            {
                EndFocus(since, at);
                _blurredSinceFocus = true;
            }

            Seen(at);
        }

        public void Seen(DateTimeOffset at)
        {
            if (at > _lastSignal && at >= openedAt)
            {
                _lastSignal = at;
            }
        }

        public void Close(DateTimeOffset at)
        {
            if (ClosedAt is not null)
            {
                return;
            }

            if (_focusedSince is { } since)
            {
                EndUnobserved(since, at);
            }

            ClosedAt = at;
        }

        public DerivedActivity Result(DateTimeOffset now)
        {
            var focus = _focus;
            var anomaly = _anomaly;
            if (_focusedSince is { } since)
            {
                focus += LastSignal - since;
                anomaly |= now - LastSignal > HeartbeatGrace;
            }

            return new DerivedActivity(
                name,
                userId,
                queueId,
                openedAt,
                openedAt,
                ClosedAt,
                ClosedAt is null ? ActivityStatus.Open : ActivityStatus.Close,
                ClosedAt is { } closed ? Seconds(openedAt, closed) : 0,
                (int)focus.TotalSeconds,
                _interruptions,
                anomaly);
        }

        private void EndFocus(DateTimeOffset since, DateTimeOffset at)
        {
            _focus += at - since;
            _focusedSince = null;
        }

        /// <summary>The activity closed while focused: fine if the desktop was still talking, else only up to its last signal.</summary>
        private void EndUnobserved(DateTimeOffset since, DateTimeOffset at)
        {
            if (at - LastSignal > HeartbeatGrace)
            {
                _anomaly = true;
                EndFocus(since, LastSignal);
            }
            else
            {
                EndFocus(since, at);
            }
        }
    }

    private static int Seconds(DateTimeOffset from, DateTimeOffset to) => Math.Max(0, (int)(to - from).TotalSeconds);
}
