namespace WapListing.Web.Features.Export;

/// <summary>Either a download to stream, or the dialog again with the reason the export was refused (busy: 503, too many rows for .xlsx: 409).</summary>
public sealed record ExportListingResult(ListingDownload? Download, ExportRefusal? Refusal);
