using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Export;

/// <summary>What one export writes: the listing's criteria (with the ticked rows when that scope was chosen), format, columns, CSV delimiter.</summary>
public sealed record ExportSettings(
    ListingCriteria Criteria,
    ExportFormat Format,
    ExportScope Scope,
    IReadOnlyList<ListingColumn> Columns,
    char Delimiter)
{
    /// <summary>The CSV delimiter people of a language expect: <c>;</c> in Czech (where <c>,</c> is the decimal mark), else <c>,</c>.</summary>
    public static char DefaultDelimiter(string language) => language == "cs" ? ';' : ',';

    /// <summary>Reads the dialog's fields; anything unknown falls back to the default (xlsx, all matching rows, the listing's columns).</summary>
    public static ExportSettings Read(ListingCriteria criteria, ExportParameters parameters)
    {
        var format = string.Equals(parameters.Format, "csv", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Csv : ExportFormat.Xlsx;
        var scope = string.Equals(parameters.Scope, "selected", StringComparison.OrdinalIgnoreCase) && criteria.Selected.Count > 0
            ? ExportScope.Selected
            : ExportScope.AllMatching;
        var columns = (parameters.Columns ?? [])
            .Select(text => Enum.TryParse<ListingColumn>(text, ignoreCase: true, out var column) && Enum.IsDefined(column) ? column : (ListingColumn?)null)
            .OfType<ListingColumn>()
            .Distinct()
            .Order()
            .ToList();
        var delimiter = parameters.Delimiter switch
        {
            ";" => ';',
            "," => ',',
            "tab" or "\t" => '\t',
            _ => DefaultDelimiter(criteria.Language),
        };
        return new ExportSettings(
            scope == ExportScope.Selected ? criteria : criteria with { Selected = [] },
            format,
            scope,
            columns.Count > 0 ? columns : ListingColumns.Shown,
            delimiter);
    }
}
