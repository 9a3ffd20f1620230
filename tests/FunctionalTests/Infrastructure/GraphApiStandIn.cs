using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>
/// A local stand-in for WhatsApp's Graph API on a loopback port: answers media ids the way Meta does (a JSON with a
/// download URL, then the bytes), with the failures tests ask for. Nothing ever calls the internet.
/// </summary>
public sealed class GraphApiStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, StandInMedia> _media = new();

    private GraphApiStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Access tokens the stand-in saw, so tests can prove the connector's token was used.</summary>
    public ConcurrentBag<string> SeenTokens { get; } = [];

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

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record StandInMedia(byte[] Content, string ContentType, long? DeclaredSize, bool FailDownload);
}
