using Microsoft.AspNetCore.Mvc;
using N = WapListing.Web.Features.Listing.Criteria.ListingParameterNames;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// The listing's query string as it arrives, bound by MVC (<c>[FromQuery] ListingParameters</c>): plain texts, so binding
/// never fails; <see cref="ListingCriteriaParser"/> turns them into <see cref="ListingCriteria"/> with a notice for
/// whatever cannot be used.
/// </summary>
public sealed record ListingParameters
{
    [FromQuery(Name = N.Time)] public string? Time { get; init; }

    [FromQuery(Name = N.From)] public string? From { get; init; }

    [FromQuery(Name = N.To)] public string? To { get; init; }

    [FromQuery(Name = N.User)] public string?[]? Users { get; init; }

    [FromQuery(Name = N.UserGroup)] public string?[]? UserGroups { get; init; }

    [FromQuery(Name = N.Queue)] public string?[]? Queues { get; init; }

    [FromQuery(Name = N.QueueGroup)] public string?[]? QueueGroups { get; init; }

    [FromQuery(Name = N.IncludeDeactivated)] public string? IncludeDeactivated { get; init; }

    [FromQuery(Name = N.Contact)] public string? Contact { get; init; }

    [FromQuery(Name = N.Sender)] public string? Sender { get; init; }

    [FromQuery(Name = N.Direction)] public string? Direction { get; init; }

    [FromQuery(Name = N.Answered)] public string? Answered { get; init; }

    [FromQuery(Name = N.Missed)] public string? Missed { get; init; }

    [FromQuery(Name = N.EndedBy)] public string? EndedBy { get; init; }

    [FromQuery(Name = N.Connector)] public string?[]? Connectors { get; init; }

    [FromQuery(Name = N.WhatsAppContact)] public string? WhatsAppContact { get; init; }

    [FromQuery(Name = N.WaitMin)] public string? WaitMin { get; init; }

    [FromQuery(Name = N.WaitMax)] public string? WaitMax { get; init; }

    [FromQuery(Name = N.DurationMin)] public string? DurationMin { get; init; }

    [FromQuery(Name = N.DurationMax)] public string? DurationMax { get; init; }

    [FromQuery(Name = N.HasContact)] public string? HasContact { get; init; }

    [FromQuery(Name = N.HasTicket)] public string? HasTicket { get; init; }

    [FromQuery(Name = N.Name)] public string? Name { get; init; }

    [FromQuery(Name = N.Transcript)] public string? Transcript { get; init; }

    [FromQuery(Name = N.Selected)] public string?[]? Selected { get; init; }

    [FromQuery(Name = N.Sort)] public string? Sort { get; init; }

    [FromQuery(Name = N.SortDirection)] public string? SortDirection { get; init; }

    [FromQuery(Name = N.Page)] public string? Page { get; init; }

    [FromQuery(Name = N.PageSize)] public string? PageSize { get; init; }

    /// <summary>Whether both ends of a custom range name their UTC offset (a shared URL must name instants; the form sends local times).</summary>
    public bool RangeCarriesOffsets => CarriesOffset(From) && CarriesOffset(To);

    private static bool CarriesOffset(string? value) =>
        value is { } text && (text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-'));
}
