namespace WapListing.Web.Features.Listing;

/// <summary>The listing's columns as the URL names them (<c>sort=wait</c>) and their default sort direction.</summary>
public static class ListingColumns
{
    private static readonly Dictionary<ListingColumn, string> UrlNames = new()
    {
        [ListingColumn.Time] = "time",
        [ListingColumn.Queue] = "queue",
        [ListingColumn.User] = "user",
        [ListingColumn.Contact] = "contact",
        [ListingColumn.WhatsAppContact] = "wacontact",
        [ListingColumn.Answered] = "answered",
        [ListingColumn.WaitTime] = "wait",
        [ListingColumn.Duration] = "duration",
        [ListingColumn.EndedBy] = "endedby",
        [ListingColumn.Connector] = "connector",
        [ListingColumn.Missed] = "missed",
        [ListingColumn.MissedTime] = "missedtime",
    };

    public static IReadOnlyList<ListingColumn> All { get; } = Enum.GetValues<ListingColumn>();

    public static string UrlName(ListingColumn column) => UrlNames[column];

    public static bool TryParse(string text, out ListingColumn column)
    {
        foreach (var (candidate, name) in UrlNames)
        {
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                column = candidate;
                return true;
            }
        }

        column = ListingColumn.Time;
        return false;
    }

    /// <summary>Times open newest first; everything else A→Z / smallest first.</summary>
    public static bool DefaultDescending(ListingColumn column) => column is ListingColumn.Time or ListingColumn.MissedTime;
}
