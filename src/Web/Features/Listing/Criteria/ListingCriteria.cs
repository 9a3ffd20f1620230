using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// Everything the URL of the listing says about which rows to show and in which order, already validated for
/// the viewer (DESIGN §5). The listing page, its totals, its links and the export all use the same criteria;
/// <see cref="ListingCriteriaReader"/> reads them, <see cref="ListingQueryString"/> writes them back.
/// </summary>
public sealed record ListingCriteria
{
    public const int DefaultPageSize = 50;
    public static readonly int[] PageSizes = [25, 50, 100, 250];

    public TimePreset Preset { get; init; } = TimePreset.Today;
    public DateTimeOffset From { get; init; }
    public DateTimeOffset To { get; init; }
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    public IReadOnlyList<int> UserIds { get; init; } = [];
    public IReadOnlyList<int> UserGroupIds { get; init; } = [];
    public IReadOnlyList<int> QueueIds { get; init; } = [];
    public IReadOnlyList<int> QueueGroupIds { get; init; } = [];
    public bool IncludeDeactivated { get; init; }
    public string? Contact { get; init; }
    public string? Sender { get; init; }

    /// <summary>
    /// The connectors whose WhatsApp number is <see cref="Sender"/>, once read from the pickers the page loads anyway
    /// (<see cref="ListingCriteriaReader"/>): the query then asks the customer's number or these ids, both served by
    /// indexes. Null when not read; the query then asks the connectors itself.
    /// </summary>
    public IReadOnlyList<int>? SenderConnectorIds { get; init; }

    public InteractionDirection? Direction { get; init; }
    public bool? Answered { get; init; }
    public MissedState? Missed { get; init; }
    public EndedBy? EndedBy { get; init; }
    public int? ConnectorId { get; init; }
    public string? WhatsAppContact { get; init; }
    public int? WaitMin { get; init; }
    public int? WaitMax { get; init; }
    public int? DurationMin { get; init; }
    public int? DurationMax { get; init; }
    public bool? HasContact { get; init; }
    public bool? HasTicket { get; init; }
    public string? Name { get; init; }
    public string? Transcript { get; init; }

    /// <summary>Interaction names ticked in the list (the export's "selected rows" scope).</summary>
    public IReadOnlyList<string> Selected { get; init; } = [];

    public ListingColumn Sort { get; init; } = ListingColumn.Time;
    public bool Descending { get; init; } = true;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Two-letter language whose alphabet orders the text columns (Č after C, Ch after H in Czech).</summary>
    public string Language { get; init; } = "en";

    public int ExtendedConditionCount =>
        new object?[]
        {
            Direction, Answered, Missed, EndedBy, ConnectorId, WhatsAppContact, WaitMin, WaitMax,
            DurationMin, DurationMax, HasContact, HasTicket, Name, Transcript,
        }.Count(value => value is not null);
}
