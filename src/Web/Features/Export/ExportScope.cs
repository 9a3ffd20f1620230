namespace WapListing.Web.Features.Export;

public enum ExportScope
{
    AllMatching,
    Selected,
}
