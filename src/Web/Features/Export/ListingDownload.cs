namespace WapListing.Web.Features.Export;

/// <summary>
/// An export ready to stream: its file name, content type and the writer that streams the rows. It holds one of the
/// instance's export slots until it is disposed, so a download counts as running from the moment it was granted.
/// </summary>
public sealed class ListingDownload(string fileName, string contentType, Func<Stream, CancellationToken, Task> write, IDisposable slot) : IDisposable
{
    public string FileName { get; } = fileName;

    public string ContentType { get; } = contentType;

    public Task WriteAsync(Stream body, CancellationToken cancellationToken) => write(body, cancellationToken);

    public void Dispose() => slot.Dispose();
}
