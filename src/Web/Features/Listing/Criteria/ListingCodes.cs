using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>How the listing's query string writes its values (<c>missed=1</c>, <c>answered=yes</c>, <c>sort=wait&amp;dir=asc</c>).</summary>
public static class ListingCodes
{
    public static QueryCodec<TimePreset> Time { get; } = LowerCaseNames(Enum.GetValues<TimePreset>());

    /// <summary>The seed's missed states: not missed, 1 (shown in Missed activities), 0 (removed from there), NO (contacted back).</summary>
    public static QueryCodec<MissedState> Missed { get; } = new(
    [
        (MissedState.None, "none"),
        (MissedState.Shown, "1"),
        (MissedState.Removed, "0"),
        (MissedState.ContactedBack, "no"),
    ]);

    public static QueryCodec<bool> YesNo { get; } = new([(true, "yes"), (false, "no")]);

    public static QueryCodec<InteractionDirection> Direction { get; } = LowerCaseNames(Enum.GetValues<InteractionDirection>());

    public static QueryCodec<EndedBy> EndedBy { get; } = LowerCaseNames(Enum.GetValues<EndedBy>());

    /// <summary>Sort codes of the listing's columns (<c>sort=wait</c>).</summary>
    public static QueryCodec<ListingColumn> Sort { get; } = new(
    [
        (ListingColumn.Time, "time"),
        (ListingColumn.Queue, "queue"),
        (ListingColumn.User, "user"),
        (ListingColumn.Contact, "contact"),
        (ListingColumn.WhatsAppContact, "wacontact"),
        (ListingColumn.Answered, "answered"),
        (ListingColumn.WaitTime, "wait"),
        (ListingColumn.Duration, "duration"),
        (ListingColumn.EndedBy, "endedby"),
        (ListingColumn.Connector, "connector"),
        (ListingColumn.Missed, "missed"),
        (ListingColumn.MissedTime, "missedtime"),
    ]);

    /// <summary><c>dir=desc</c> is descending (true), <c>dir=asc</c> ascending.</summary>
    public static QueryCodec<bool> SortDescending { get; } = new([(true, "desc"), (false, "asc")]);

    private static QueryCodec<T> LowerCaseNames<T>(IEnumerable<T> values)
        where T : struct, Enum =>
        new(values.Select(v => (v, v.ToString().ToLowerInvariant())));
}
