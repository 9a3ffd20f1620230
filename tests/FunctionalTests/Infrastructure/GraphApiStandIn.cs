using System.Collections.Concurrent;
using System.Text.Json;
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
        standIn.MapMessageTemplates(app);
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

    #region Message templates (GET /{waba-id}/message_templates)

    private readonly ConcurrentDictionary<string, TemplateAccount> _templateAccounts = new();

    /// <summary>The template pages the app asked for, in order.</summary>
    public ConcurrentQueue<TemplatePageRequest> TemplateRequests { get; } = new();

    /// <summary>The templates of a WhatsApp Business account, answered <paramref name="pageSize"/> at a time at most (Meta pages too).</summary>
    public void SetTemplates(string wabaId, int pageSize, params StandInTemplate[] templates) =>
        _templateAccounts[wabaId] = new TemplateAccount(templates, pageSize, null, null);

    public void SetTemplates(string wabaId, params StandInTemplate[] templates) => SetTemplates(wabaId, 100, templates);

    /// <summary>From page <paramref name="fromPage"/> (1 = the first) on, the account's templates are refused with Meta's error body.</summary>
    public void FailTemplates(string wabaId, int code, string title, int httpStatus = 400, int fromPage = 1) =>
        _templateAccounts.AddOrUpdate(
            wabaId,
            _ => new TemplateAccount([], 100, new TemplateFailure(code, title, httpStatus, fromPage), null),
            (_, account) => account with { Failure = new TemplateFailure(code, title, httpStatus, fromPage) });

    /// <summary>The account's <c>paging.next</c> links point at <paramref name="baseUrl"/> instead of the stand-in.</summary>
    public void PointNextTemplatePagesAt(string wabaId, string baseUrl) =>
        _templateAccounts.AddOrUpdate(wabaId, _ => new TemplateAccount([], 100, null, baseUrl), (_, account) => account with { NextBaseUrl = baseUrl });

    private void MapMessageTemplates(WebApplication app) =>
        app.MapGet("/v23.0/{wabaId}/message_templates", (string wabaId, HttpContext context) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            SeenTokens.Add(authorization);
            var query = context.Request.Query;
            var limit = int.TryParse(query["limit"], out var asked) && asked > 0 ? asked : 25;
            var after = int.TryParse(query["after"], out var cursor) && cursor > 0 ? cursor : 0;
            TemplateRequests.Enqueue(new TemplatePageRequest(wabaId, authorization, query["fields"].ToString(), limit, query["after"].ToString()));
            if (!_templateAccounts.TryGetValue(wabaId, out var account))
            {
                return Results.Json(
                    new { error = new { message = $"Unsupported get request. Object with ID '{wabaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", type = "GraphMethodException", code = 100, error_subcode = 33, fbtrace_id = "AStandIn" } },
                    statusCode: 400);
            }

            var pageSize = Math.Min(limit, account.PageSize);
            if (account.Failure is { } failure && after / pageSize + 1 >= failure.FromPage)
            {
                return Results.Json(
                    new { error = new { message = failure.Title, type = "OAuthException", code = failure.Code, fbtrace_id = "AStandIn" } },
                    statusCode: failure.HttpStatus);
            }

            var page = account.Templates.Skip(after).Take(pageSize).Select(t => t.ToJson()).ToArray();
            var nextAfter = after + page.Length;
            var next = nextAfter < account.Templates.Length
                ? $"{account.NextBaseUrl ?? BaseUrl}/v23.0/{wabaId}/message_templates?fields={Uri.EscapeDataString(query["fields"].ToString())}&limit={limit}&after={nextAfter}"
                : null;
            return Results.Json(new
            {
                data = page,
                paging = new
                {
                    cursors = new { before = after.ToString(System.Globalization.CultureInfo.InvariantCulture), after = nextAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    next,
                },
            });
        });

    public sealed record TemplatePageRequest(string WabaId, string Authorization, string Fields, int Limit, string After);

    /// <summary>
    /// A template as Meta describes it: its BODY (none when null) after <paramref name="Header"/>, then a footer and
    /// <paramref name="Buttons"/> (Meta's button objects) when given.
    /// </summary>
    public sealed record StandInTemplate(
        string Name,
        string Language,
        string? Body,
        string Status = "APPROVED",
        string Category = "UTILITY",
        object? Header = null,
        object[]? Buttons = null,
        string? ParameterFormat = "POSITIONAL")
    {
        public JsonObject ToJson()
        {
            var components = new JsonArray();
            if (Header is not null)
            {
                components.Add(JsonSerializer.SerializeToNode(Header));
            }

            if (Body is not null)
            {
                components.Add(new JsonObject { ["type"] = "BODY", ["text"] = Body });
            }

            components.Add(new JsonObject { ["type"] = "FOOTER", ["text"] = "Stand-in s.r.o." });
            if (Buttons is not null)
            {
                components.Add(new JsonObject { ["type"] = "BUTTONS", ["buttons"] = JsonSerializer.SerializeToNode(Buttons) });
            }

            return new JsonObject
            {
                ["name"] = Name,
                ["parameter_format"] = ParameterFormat,
                ["components"] = components,
                ["language"] = Language,
                ["status"] = Status,
                ["category"] = Category,
                ["id"] = "1" + Math.Abs(StringComparer.Ordinal.GetHashCode(Name + Language)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    private sealed record TemplateAccount(StandInTemplate[] Templates, int PageSize, TemplateFailure? Failure, string? NextBaseUrl);

    private sealed record TemplateFailure(int Code, string Title, int HttpStatus, int FromPage);

    #endregion

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
