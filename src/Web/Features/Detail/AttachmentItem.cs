namespace WapListing.Web.Features.Detail;

public sealed record AttachmentItem(long Id, string FileName, string ContentType, long Size, string? FetchError);
