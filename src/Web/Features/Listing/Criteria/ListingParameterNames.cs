namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// The names of the listing's query-string parameters (DESIGN §5): the URL holds the whole state of the listing,
/// so the page's form, its links, the export and (later) the API all use these names.
/// </summary>
public static class ListingParameterNames
{
    public const string Time = "time";
    public const string From = "from";
    public const string To = "to";
    public const string User = "user";
    public const string UserGroup = "usergroup";
    public const string Queue = "queue";
    public const string QueueGroup = "queuegroup";
    public const string IncludeDeactivated = "inactive";
    public const string Contact = "contact";
    public const string Sender = "sender";
    public const string Direction = "direction";
    public const string Answered = "answered";
    public const string Missed = "missed";
    public const string EndedBy = "endedby";
    public const string Connector = "connector";
    public const string WhatsAppContact = "wacontact";
    public const string WaitMin = "waitmin";
    public const string WaitMax = "waitmax";
    public const string DurationMin = "durmin";
    public const string DurationMax = "durmax";
    public const string HasContact = "hascontact";
    public const string HasTicket = "hasticket";
    public const string Name = "name";
    public const string Transcript = "text";
    public const string Selected = "selected";
    public const string Sort = "sort";
    public const string SortDirection = "dir";
    public const string Page = "page";
    public const string PageSize = "size";
}
