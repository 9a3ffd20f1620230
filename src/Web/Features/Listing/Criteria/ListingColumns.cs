namespace WapListing.Web.Features.Listing.Criteria;

public static class ListingColumns
{
    /// <summary>The listing's columns in its order (also the export's default columns).</summary>
    public static IReadOnlyList<ListingColumn> Shown { get; } = Enum.GetValues<ListingColumn>().Where(c => c != ListingColumn.Name).ToArray();

    /// <summary>Every column an export may hold: the listing's plus the unique name.</summary>
    public static IReadOnlyList<ListingColumn> Exportable { get; } = Enum.GetValues<ListingColumn>();

    /// <summary>Times open newest first; everything else A→Z / smallest first.</summary>
    public static bool DefaultDescending(ListingColumn column) => column is ListingColumn.Time or ListingColumn.MissedTime;
}
