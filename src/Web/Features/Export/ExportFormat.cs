namespace WapListing.Web.Features.Export;

public enum ExportFormat
{
    Xlsx,
    Csv,
}
