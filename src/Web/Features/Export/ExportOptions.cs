using System.ComponentModel.DataAnnotations;

namespace WapListing.Web.Features.Export;

/// <summary>Limits of the export (configuration section "Export").</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>Excel's sheet holds 1,048,576 rows, one of them the header.</summary>
    public const int ExcelMaxDataRows = 1_048_575;

    [Range(1, ExcelMaxDataRows)]
    public int XlsxRowLimit { get; set; } = ExcelMaxDataRows;

    /// <summary>Exports running at once on one app instance; others wait up to <see cref="QueueWaitSeconds"/>.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentExports { get; set; } = 2;

    [Range(0, 3600)]
    public int QueueWaitSeconds { get; set; } = 10;
}
