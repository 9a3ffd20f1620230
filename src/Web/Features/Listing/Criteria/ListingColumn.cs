namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// A column of the WhatsApp listing and of its export. The listing shows and sorts by every column but
/// <see cref="Name"/>, the unique name, which only the export can add (for people who join files).
/// </summary>
public enum ListingColumn
{
    Time,
    Queue,
    User,
    Contact,
    WhatsAppContact,
    Answered,
    WaitTime,
    Duration,
    EndedBy,
    Connector,
    Missed,
    MissedTime,
    Name,
}
