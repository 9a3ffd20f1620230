namespace WapListing.Web.Features.Detail;

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);
