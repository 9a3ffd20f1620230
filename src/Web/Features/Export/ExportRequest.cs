using WapListing.Web.Features.Listing;

namespace WapListing.Web.Features.Export;

public enum ExportFormat
{
    Xlsx,
    Csv,
}

public enum ExportScope
{
    AllMatching,
    Selected,
}

/// <summary>A column of the export: the listing's columns, plus the unique name for people who join files.</summary>
public enum ExportColumn
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

public sealed record ExportRequest(
    ListingCriteria Criteria,
    ExportFormat Format,
    ExportScope Scope,
    IReadOnlyList<ExportColumn> Columns,
    char Delimiter)
{
    /// <summary>The listing's columns in its order.</summary>
    public static IReadOnlyList<ExportColumn> DefaultColumns { get; } = Enum.GetValues<ExportColumn>().Where(c => c != ExportColumn.Name).ToList();

    /// <summary>Reads format, scope, columns and delimiter next to the listing's own query parameters.</summary>
    public static ExportRequest Read(IQueryCollection query, ListingCriteria criteria)
    {
        var format = string.Equals(query["format"], "csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Xlsx;
        var scope = string.Equals(query["scope"], "selected", StringComparison.OrdinalIgnoreCase) && criteria.Selected.Count > 0
            ? ExportScope.Selected
            : ExportScope.AllMatching;
        var columns = query["column"]
            .Select(text => Enum.TryParse<ExportColumn>(text, ignoreCase: true, out var column) ? column : (ExportColumn?)null)
            .OfType<ExportColumn>()
            .Distinct()
            .OrderBy(column => column)
            .ToList();
        var delimiter = query["delimiter"].ToString() switch
        {
            ";" => ';',
            "," => ',',
            "tab" or "\t" => '\t',
            _ => criteria.Language == "cs" ? ';' : ',',
        };
        return new ExportRequest(
            scope == ExportScope.Selected ? criteria : criteria with { Selected = [] },
            format,
            scope,
            columns.Count > 0 ? columns : DefaultColumns,
            delimiter);
    }
}
