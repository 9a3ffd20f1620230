using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>
/// A local stand-in for WhatsApp's Graph API on a loopback port: answers media ids the way Meta does (a JSON with a
/// download URL, then the bytes) and sends (a WhatsApp message id, or Meta's error body), with the failures and delays
/// tests ask for. Nothing ever calls the internet.
/// </summary>
public sealed class GraphApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, StandInMedia> _media = new();
    private readonly ConcurrentDictionary<string, SendBehaviour> _sends = new();

    private GraphApiStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Access tokens the stand-in saw, so tests can prove the connector's token was used.</summary>
    public ConcurrentBag<string> SeenTokens { get; } = [];

    /// <summary>The messages the app sent, as the Graph API received them.</summary>
    public ConcurrentQueue<SentMessage> SentMessages { get; } = new();

    public static async Task<GraphApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var standIn = new GraphApiStandIn(app);
        app.MapGet("/v23.0/{mediaId}", (string mediaId, HttpContext context) =>
        {
            standIn.SeenTokens.Add(context.Request.Headers.Authorization.ToString());
            if (!standIn._media.TryGetValue(mediaId, out var media))
            {
                return Results.Json(new { error = new { message = "Unsupported get request.", code = 100 } }, statusCode: 400);
            }

            return Results.Json(new
            {
                messaging_product = "whatsapp",
                url = $"{standIn.BaseUrl}/download/{mediaId}",
                mime_type = media.ContentType,
                sha256 = "stand-in",
                file_size = media.DeclaredSize ?? media.Content.Length,
                id = mediaId,
            });
        });
        app.MapPost("/v23.0/{phoneNumberId}/messages", async (string phoneNumberId, HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var to = (string)body["to"]!;
            standIn._sends.TryGetValue(to, out var behaviour);
            // A message WhatsApp takes has its id from the moment it arrives, even when the answer comes late or never.
            var wamid = behaviour?.ErrorCode is null ? "wamid.STANDIN" + Guid.NewGuid().ToString("N") : null;
            standIn.SentMessages.Enqueue(new SentMessage(phoneNumberId, context.Request.Headers.Authorization.ToString(), body, wamid));
            if (behaviour is not null)
            {
                await Task.Delay(behaviour.Delay);
                if (behaviour.ErrorCode is { } code)
                {
                    return Results.Json(
                        new { error = new { message = $"(#{code}) {behaviour.Title}", type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = behaviour.Title }, fbtrace_id = "AStandIn" } },
                        statusCode: behaviour.HttpStatus);
                }
            }

            return Results.Json(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = to, wa_id = to } },
                messages = new[] { new { id = wamid } },
            });
        });
        app.MapGet("/download/{mediaId}", (string mediaId) =>
            standIn._media.TryGetValue(mediaId, out var media) && !media.FailDownload
                ? Results.Bytes(media.Content, media.ContentType)
                : Results.StatusCode(404));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        return standIn;
    }

    /// <summary>The Graph base URL the app is configured with.</summary>
    public string GraphBaseUrl => BaseUrl + "/v23.0/";

    public void AddMedia(string mediaId, byte[] content, string contentType, long? declaredSize = null, bool failDownload = false) =>
        _media[mediaId] = new StandInMedia(content, contentType, declaredSize, failDownload);

    /// <summary>Sends to <paramref name="to"/> are refused the way the Graph API refuses them.</summary>
    public void FailSendsTo(string to, int code, string title, int httpStatus = 400) => _sends[to] = new SendBehaviour(code, title, httpStatus, TimeSpan.Zero);

    /// <summary>Sends to <paramref name="to"/> are answered only after <paramref name="delay"/>.</summary>
    public void DelaySendsTo(string to, TimeSpan delay) => _sends[to] = new SendBehaviour(null, null, 200, delay);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>
    /// The status webhook WhatsApp sends for a message it took (<paramref name="status"/> sent, delivered, read or failed
    /// with an error), carrying the message's <c>biz_opaque_callback_data</c> back, as Meta documents it.
    /// </summary>
    public static byte[] StatusWebhook(SentMessage sent, string status, DateTimeOffset at, int? errorCode = null, string? errorTitle = null)
    {
        var statusNode = new JsonObject
        {
            ["id"] = sent.WhatsAppMessageId,
            ["status"] = status,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["recipient_id"] = (string?)sent.Body["to"],
        };
        if ((string?)sent.Body["biz_opaque_callback_data"] is { } callback)
        {
            statusNode["biz_opaque_callback_data"] = callback;
        }

        if (errorCode is { } code)
        {
            statusNode["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["title"] = errorTitle, ["message"] = errorTitle });
        }

        var webhook = new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = "102290129340398",
                ["changes"] = new JsonArray(new JsonObject
                {
                    ["field"] = "messages",
                    ["value"] = new JsonObject
                    {
                        ["messaging_product"] = "whatsapp",
                        ["metadata"] = new JsonObject { ["display_phone_number"] = "420800123456", ["phone_number_id"] = sent.PhoneNumberId },
                        ["statuses"] = new JsonArray(statusNode),
                    },
                }),
            }),
        };
        return System.Text.Encoding.UTF8.GetBytes(webhook.ToJsonString());
    }

    /// <summary>A message the app sent, as the Graph API received it, and the id it was given when WhatsApp took it.</summary>
    public sealed record SentMessage(string PhoneNumberId, string Authorization, JsonNode Body, string? WhatsAppMessageId);

    private sealed record SendBehaviour(int? ErrorCode, string? Title, int HttpStatus, TimeSpan Delay);

    private sealed record StandInMedia(byte[] Content, string ContentType, long? DeclaredSize, bool FailDownload);
}
