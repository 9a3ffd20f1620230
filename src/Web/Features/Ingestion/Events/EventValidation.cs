using System.Globalization;
using System.Text.RegularExpressions;
using WapListing.Domain.Entities;
using WapListing.Domain.Figures;

namespace WapListing.Web.Features.Ingestion.Events;

/// <summary>What a valid event means, with its time parsed.</summary>
public sealed record ValidEvent(int Index, IncomingEvent Raw, string Type, FigureEventType? FigureType, DateTimeOffset OccurredAt, EndedBy? EndedBy);

/// <summary>
/// The events API's own rules for one batch, before the database is asked: every failing item named by its index and
/// field path (<c>[3].occurredAt</c>), in the form of <c>ValidationProblemDetails.Errors</c>.
/// </summary>
public static partial class EventValidation
{
    public const string UserUpserted = "user.upserted";
    public const string QueueUpserted = "queue.upserted";
    public const string ConnectorUpserted = "connector.upserted";

    /// <summary>The wire types and the figure event each one stores.</summary>
    public static readonly IReadOnlyDictionary<string, FigureEventType?> Types = new Dictionary<string, FigureEventType?>(StringComparer.Ordinal)
    {
        ["interaction.queued"] = FigureEventType.Queued,
        ["interaction.created"] = FigureEventType.CreatedOutbound,
        ["interaction.offered"] = FigureEventType.OfferedToUser,
        ["interaction.accepted"] = FigureEventType.Accepted,
        ["interaction.transferred"] = null,
        ["message.sent"] = FigureEventType.AgentMessage,
        ["interaction.closed"] = FigureEventType.Closed,
        ["activity.focused"] = FigureEventType.ActivityFocused,
        ["activity.blurred"] = FigureEventType.ActivityBlurred,
        ["activity.heartbeat"] = FigureEventType.ActivityHeartbeat,
        ["activity.closed"] = FigureEventType.ActivityClosed,
        [UserUpserted] = null,
        [QueueUpserted] = null,
        [ConnectorUpserted] = null,
    };

    private static readonly Dictionary<string, EndedBy> EndedByValues = new(StringComparer.Ordinal)
    {
        ["CUSTOMER"] = EndedBy.Customer,
        ["AGENT"] = EndedBy.Agent,
        ["TIMEOUT"] = EndedBy.Timeout,
        ["NO_AGENT"] = EndedBy.NoAgent,
        ["OUT_OF_HOURS"] = EndedBy.OutOfHours,
        ["SYSTEM"] = EndedBy.System,
    };

    public static bool IsReference(string type) => type is UserUpserted or QueueUpserted or ConnectorUpserted;

    public static (List<ValidEvent> Valid, Dictionary<string, string[]> Errors) Validate(IReadOnlyList<IncomingEvent> events)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var valid = new List<ValidEvent>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        void Fail(int i, string field, string message) => errors[$"[{i}].{field}"] = [message];

        if (events.Count == 0)
        {
            errors["$"] = ["The batch holds no events."];
        }
        else if (events.Count > EventsBatch.MaxEvents)
        {
            errors["$"] = [$"A batch holds at most {EventsBatch.MaxEvents} events; this one has {events.Count}."];
            return (valid, errors);
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(e.Id) || e.Id.Length > 200)
            {
                Fail(i, "id", "Required, at most 200 characters.");
            }
            else if (!seenIds.Add(e.Id))
            {
                Fail(i, "id", "The same id appears twice in this batch.");
            }

            if (e.Type is null || !Types.TryGetValue(e.Type, out var figureType))
            {
                Fail(i, "type", "Unknown type; see the events API's documentation for the list.");
                continue;
            }

            if (e.OccurredAt is null || !WithOffset().IsMatch(e.OccurredAt)
                || !DateTimeOffset.TryParse(e.OccurredAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var occurredAt))
            {
                Fail(i, "occurredAt", "Required: an ISO 8601 time with its offset, e.g. 2026-11-27T09:15:00+01:00.");
                occurredAt = default;
            }

            // PostgreSQL keeps microseconds: figures computed from the batch must equal those computed from the stored events.
            occurredAt = occurredAt.AddTicks(-(occurredAt.Ticks % TimeSpan.TicksPerMicrosecond));

            EndedBy? endedBy = null;
            if (IsReference(e.Type))
            {
                ValidateRecord(i, e.Type, e.Record, Fail);
            }
            else
            {
                ValidateInteraction(i, e.Interaction, Fail);
                switch (e.Type)
                {
                    case "interaction.created" or "interaction.offered" or "interaction.accepted" or "message.sent" when string.IsNullOrWhiteSpace(e.User):
                        Fail(i, "user", "Required for this type: the user's external key.");
                        break;
                    case "interaction.transferred" when string.IsNullOrWhiteSpace(e.User) == string.IsNullOrWhiteSpace(e.Queue):
                        Fail(i, "queue", "A transfer names exactly one target: queue or user.");
                        break;
                    case "interaction.closed":
                        if (e.EndedBy is null || !EndedByValues.TryGetValue(e.EndedBy, out var ended))
                        {
                            Fail(i, "endedBy", "Required: CUSTOMER, AGENT, TIMEOUT, NO_AGENT, OUT_OF_HOURS or SYSTEM.");
                        }
                        else
                        {
                            endedBy = ended;
                        }

                        break;
                    case "activity.focused" or "activity.blurred" or "activity.heartbeat" or "activity.closed"
                        when string.IsNullOrWhiteSpace(e.User) && string.IsNullOrWhiteSpace(e.Activity):
                        Fail(i, "activity", "Name the activity, or the user whose latest activity it is.");
                        break;
                    default:
                        break;
                }

                if (e.Type == "message.sent")
                {
                    if (string.IsNullOrWhiteSpace(e.Message?.WhatsAppMessageId) || e.Message.WhatsAppMessageId.Length > 200)
                    {
                        Fail(i, "message.whatsAppMessageId", "Required: the id the Cloud API returned, at most 200 characters.");
                    }

                    if (e.Message?.Text is { Length: > 4096 })
                    {
                        Fail(i, "message.text", "At most 4,096 characters (WhatsApp's limit).");
                    }
                }

                if (e.Activity is { Length: > 100 } || (e.Activity is not null && !e.Activity.StartsWith(Activity.NamePrefix, StringComparison.Ordinal)))
                {
                    Fail(i, "activity", $"An activity name starts with {Activity.NamePrefix} and has at most 100 characters.");
                }

                if (e.Notes is { Length: > 4000 })
                {
                    Fail(i, "notes", "At most 4,000 characters.");
                }
            }

            if (errors.Count == before)
            {
                var figure = e.Type == "interaction.transferred"
                    ? string.IsNullOrWhiteSpace(e.User) ? FigureEventType.TransferredToQueue : FigureEventType.TransferredToUser
                    : figureType;
                valid.Add(new ValidEvent(i, e, e.Type, figure, occurredAt.ToUniversalTime(), endedBy));
            }
        }

        return (valid, errors);
    }

    private static void ValidateInteraction(int i, InteractionReference? reference, Action<int, string, string> fail)
    {
        if (reference is null)
        {
            fail(i, "interaction", "Required: { \"name\": … } or { \"connector\": …, \"customer\": … }.");
        }
        else if (reference.Name is not null)
        {
            if (!reference.Name.StartsWith(Interaction.NamePrefix, StringComparison.Ordinal) || reference.Name.Length > 100)
            {
                fail(i, "interaction.name", $"An interaction name starts with {Interaction.NamePrefix} and has at most 100 characters.");
            }
        }
        else if (string.IsNullOrWhiteSpace(reference.Connector))
        {
            fail(i, "interaction.connector", "Required without a name: the connector's external key.");
        }
        else if (reference.Customer is null || !E164().IsMatch(reference.Customer))
        {
            fail(i, "interaction.customer", "Required without a name: the customer's number in E.164, e.g. +420777123456.");
        }

        if (reference?.CustomerName is { Length: > 200 })
        {
            fail(i, "interaction.customerName", "At most 200 characters.");
        }
    }

    private static void ValidateRecord(int i, string type, ReferenceRecord? record, Action<int, string, string> fail)
    {
        if (record is null)
        {
            fail(i, "record", "Required for this type.");
            return;
        }

        if (string.IsNullOrWhiteSpace(record.ExternalKey) || record.ExternalKey.Length > 100)
        {
            fail(i, "record.externalKey", "Required, at most 100 characters.");
        }

        if (string.IsNullOrWhiteSpace(record.Name) || record.Name.Length > 200)
        {
            fail(i, "record.name", "Required, at most 200 characters.");
        }

        if (type == EventValidation.UserUpserted && (string.IsNullOrWhiteSpace(record.Login) || record.Login.Length > 256))
        {
            fail(i, "record.login", "Required, at most 256 characters.");
        }

        if (type == EventValidation.ConnectorUpserted && (record.PhoneNumber is null || !E164().IsMatch(record.PhoneNumber)))
        {
            fail(i, "record.phoneNumber", "Required: E.164, e.g. +420800123456.");
        }
    }

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$")]
    private static partial Regex WithOffset();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex E164();
}
