using Microsoft.AspNetCore.Mvc;

namespace WapListing.Web.Features.Export;

/// <summary>The export dialog's own fields, sent next to the listing's query parameters.</summary>
public sealed record ExportParameters
{
    public const string FormatName = "format";
    public const string ScopeName = "scope";
    public const string ColumnName = "column";
    public const string DelimiterName = "delimiter";

    [FromQuery(Name = FormatName)] public string? Format { get; init; }

    [FromQuery(Name = ScopeName)] public string? Scope { get; init; }

    [FromQuery(Name = ColumnName)] public string?[]? Columns { get; init; }

    [FromQuery(Name = DelimiterName)] public string? Delimiter { get; init; }
}
