using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Listing;

/// <summary>
/// One row of the listing (and of the export), as the one query projects it. <see cref="CanPair"/>: a contact can be paired
/// with it (not anonymized, has an activity); only the listing page asks, elsewhere it is false.
/// </summary>
public sealed record WapListingRow(
    long Id,
    string Name,
    DateTimeOffset Time,
    string? Queue,
    string? User,
    int? ContactId,
    string? Contact,
    string? WhatsAppContact,
    bool Answered,
    int WaitTime,
    int Duration,
    EndedBy? EndedBy,
    string? Connector,
    MissedState MissedState,
    DateTimeOffset? MissedTime,
    bool Anonymized,
    bool IsDraft,
    bool CanPair);
