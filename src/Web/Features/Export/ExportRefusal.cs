namespace WapListing.Web.Features.Export;

public sealed record ExportRefusal(int StatusCode, ExportDialogViewModel Dialog);
