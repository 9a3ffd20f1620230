using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>Why a media file could not be fetched; shown in the transcript instead of the file.</summary>
/// <summary>
/// The WhatsApp Cloud API (Graph API) as a typed <see cref="HttpClient"/>: base URL from <see cref="WhatsAppOptions"/>,
/// a timeout, and a size limit enforced while reading. Media come in two steps: the id gives a short-lived URL, the URL
/// gives the bytes; both with the connector's access token.
/// </summary>
public sealed class GraphApiClient(HttpClient http, IOptions<WhatsAppOptions> options)
{
    public async Task<(byte[] Content, string? ContentType)> DownloadMediaAsync(string mediaId, string accessToken, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxMediaBytes;
        using var describe = Request(HttpMethod.Get, new Uri(Uri.EscapeDataString(mediaId), UriKind.Relative), accessToken);
        using var described = await http.SendAsync(describe, cancellationToken);
        if (!described.IsSuccessStatusCode)
        {
            throw new MediaFetchException(MediaFetchFailure.GraphStatus, (int)described.StatusCode);
        }

        var media = await described.Content.ReadFromJsonAsync<GraphMedia>(cancellationToken)
            ?? throw new MediaFetchException(MediaFetchFailure.NotDescribed);
        if (media.FileSize > limit)
        {
            throw new MediaFetchException(MediaFetchFailure.TooLarge, limit);
        }

        if (!Uri.TryCreate(media.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new MediaFetchException(MediaFetchFailure.NoUrl);
        }

        using var download = Request(HttpMethod.Get, url, accessToken);
        using var response = await http.SendAsync(download, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new MediaFetchException(MediaFetchFailure.DownloadStatus, (int)response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > limit)
        {
            throw new MediaFetchException(MediaFetchFailure.TooLarge, limit);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new MediaFetchException(MediaFetchFailure.TooLarge, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), media.MimeType ?? response.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, string accessToken) =>
        new(method, uri) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };

    private sealed record GraphMedia(
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("mime_type")] string? MimeType,
        [property: JsonPropertyName("file_size")] long? FileSize);
}
