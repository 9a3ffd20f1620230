namespace WapListing.Domain.Entities;

public class MessageAttachment
{
    public long Id { get; set; }
    public long MessageId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public byte[]? Content { get; set; }
    /// <summary>Why the file could not be fetched from WhatsApp (too large, not found, timed out); shown in the transcript.</summary>
    public string? FetchError { get; set; }
}
