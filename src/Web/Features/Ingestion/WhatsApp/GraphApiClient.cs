using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using WapListing.Web.Features.Sending;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>
/// The WhatsApp Cloud API (Graph API) as a typed <see cref="HttpClient"/>: base URL from <see cref="WhatsAppOptions"/>,
/// a timeout, and a size limit enforced while reading. Media come in two steps: the id gives a short-lived URL, the URL
/// gives the bytes; both with the connector's access token. Messages to customers go out through it too.
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

    /// <summary>
    /// Sends a message (<c>POST /{phone-number-id}/messages</c>) and returns the WhatsApp message id it got. Throws
    /// <see cref="WhatsAppSendException"/> with WhatsApp's code and title when it is refused; on
    /// <see cref="WhatsAppSendProblem.TimedOut"/> the message may still have gone out (its status webhook will tell,
    /// with the callback data).
    /// </summary>
    public async Task<string> SendMessageAsync(string phoneNumberId, string accessToken, OutgoingMessage message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds));
        using var request = Request(HttpMethod.Post, new Uri(Uri.EscapeDataString(phoneNumberId) + "/messages", UriKind.Relative), accessToken);
        request.Content = JsonContent.Create(SendPayload(message), options: PayloadJson);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, timeout.Token);
                throw new WhatsAppSendException(WhatsAppSendFailure.FromCode(error?.Code, error?.Message ?? $"HTTP {(int)response.StatusCode}"));
            }

            var sent = await response.Content.ReadFromJsonAsync<GraphSent>(timeout.Token);
            return sent?.Messages?.FirstOrDefault()?.Id is { Length: > 0 } id
                ? id
                : throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.Other, null, "The Graph API answered without a message id."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.TimedOut, null, null));
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.Unreachable, null, e.Message));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
            // The request may have reached WhatsApp before the answer broke off: like a timeout, not a refusal.
            throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.AnswerLost, null, e.Message));
        }
    }

    /// <summary>How many pages of templates are read at most (100 each): a bound on a paging chain that never ends.</summary>
    public const int MaxTemplatePages = 20;

    /// <summary>
    /// The message templates of a WhatsApp Business account (<c>GET /{waba-id}/message_templates</c>), every status,
    /// following <c>paging.next</c> for at most <see cref="MaxTemplatePages"/> pages. Throws
    /// <see cref="WhatsAppSendException"/> like <see cref="SendMessageAsync"/>, also when a next page is on another host
    /// (the token is only ever sent to the Graph API).
    /// </summary>
    public async Task<IReadOnlyList<GraphTemplate>> GetMessageTemplatesAsync(string businessAccountId, string accessToken, CancellationToken cancellationToken)
    {
        var templates = new List<GraphTemplate>();
        Uri? page = new(Uri.EscapeDataString(businessAccountId) + "/message_templates?fields=name,language,status,category,parameter_format,components&limit=100", UriKind.Relative);
        for (var pages = 0; page is not null && pages < MaxTemplatePages; pages++)
        {
            var answer = await GetTemplatePageAsync(page, accessToken, cancellationToken);
            templates.AddRange(answer.Data ?? []);
            page = answer.Paging?.Next is { Length: > 0 } next ? SameHostAsGraph(next) : null;
        }

        return templates;
    }

    private async Task<GraphTemplatePage> GetTemplatePageAsync(Uri page, string accessToken, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds));
        using var request = Request(HttpMethod.Get, page, accessToken);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, timeout.Token);
                throw new WhatsAppSendException(WhatsAppSendFailure.FromCode(error?.Code, error?.Message ?? $"HTTP {(int)response.StatusCode}"));
            }

            return await response.Content.ReadFromJsonAsync<GraphTemplatePage>(timeout.Token)
                ?? throw new JsonException("An empty answer.");
        }
        catch (JsonException)
        {
            throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.Other, null, "The Graph API answered with unreadable templates."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.TimedOut, null, null));
        }
        catch (HttpRequestException e)
        {
            throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.Unreachable, null, e.Message));
        }
    }

    private Uri SameHostAsGraph(string next)
    {
        var graph = http.BaseAddress ?? options.Value.GraphBaseUrl;
        return Uri.TryCreate(next, UriKind.Absolute, out var url)
            && Uri.Compare(url, graph, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? url
            : throw new WhatsAppSendException(new WhatsAppSendFailure(WhatsAppSendProblem.Other, null, "The Graph API's next page of templates is not on the Graph API's host."));
    }

    private static readonly JsonSerializerOptions PayloadJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static object SendPayload(OutgoingMessage message) => message switch
    {
        OutgoingText text => new
        {
            messaging_product = "whatsapp",
            recipient_type = "individual",
            to = text.To,
            type = "text",
            text = new { preview_url = false, body = text.Body },
            biz_opaque_callback_data = text.CallbackData,
        },
        OutgoingTemplate template => new
        {
            messaging_product = "whatsapp",
            recipient_type = "individual",
            to = template.To,
            type = "template",
            template = new
            {
                name = template.Name,
                language = new { code = template.LanguageCode },
                components = template.BodyParameters.Count == 0
                    ? null
                    : new[] { new { type = "body", parameters = template.BodyParameters.Select(p => new { type = "text", text = p }).ToArray() } },
            },
            biz_opaque_callback_data = template.CallbackData,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "No payload for this kind of message."),
    };

    private static async Task<GraphError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<GraphErrorBody>(cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, string accessToken) =>
        new(method, uri) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };

    private sealed record GraphSent([property: JsonPropertyName("messages")] IReadOnlyList<GraphSentMessage>? Messages);

    private sealed record GraphSentMessage([property: JsonPropertyName("id")] string? Id);

    private sealed record GraphErrorBody([property: JsonPropertyName("error")] GraphError? Error);

    private sealed record GraphError([property: JsonPropertyName("code")] int? Code, [property: JsonPropertyName("message")] string? Message);

    private sealed record GraphTemplatePage(
        [property: JsonPropertyName("data")] IReadOnlyList<GraphTemplate>? Data,
        [property: JsonPropertyName("paging")] GraphPaging? Paging);

    private sealed record GraphPaging([property: JsonPropertyName("next")] string? Next);

    private sealed record GraphMedia(
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("mime_type")] string? MimeType,
        [property: JsonPropertyName("file_size")] long? FileSize);
}

/// <summary>A message template as the Graph API describes it (<c>status</c> APPROVED, PENDING, REJECTED …).</summary>
public sealed record GraphTemplate(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("language")] string? Language,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("parameter_format")] string? ParameterFormat,
    [property: JsonPropertyName("components")] IReadOnlyList<GraphTemplateComponent>? Components);

/// <summary>A part of a template: <c>type</c> HEADER (<c>format</c> TEXT, IMAGE …), BODY, FOOTER or BUTTONS.</summary>
public sealed record GraphTemplateComponent(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("buttons")] IReadOnlyList<GraphTemplateButton>? Buttons);

/// <summary>A button of a template: <c>type</c> QUICK_REPLY, URL (its <c>url</c> may hold <c>{{1}}</c>), PHONE_NUMBER, COPY_CODE ….</summary>
public sealed record GraphTemplateButton(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("url")] string? Url);
