using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Ingestion;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

public enum WebhookReceipt
{
    Stored,
    TooLarge,
    BadSignature,
}

/// <summary>
/// <c>POST /webhooks/whatsapp</c>: reads the raw body within the size limit, checks Meta's signature over those exact
/// bytes against the connectors' app secrets, and commits the body to the inbox before answering. Nothing is parsed
/// and nothing is stored before the signature holds.
/// </summary>
public sealed class ReceiveWebhook(WapListingDbContext db, WebhookAppSecrets appSecrets, IOptions<WhatsAppOptions> options, InboxSignal signal, TimeProvider clock)
{
    public async Task<WebhookReceipt> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxWebhookBytes;
        if (request.ContentLength > limit)
        {
            return WebhookReceipt.TooLarge;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return WebhookReceipt.TooLarge;
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        if (!await appSecrets.IsSignedAsync(db, request.Headers[WebhookSignature.HeaderName].FirstOrDefault(), body, cancellationToken))
        {
            return WebhookReceipt.BadSignature;
        }

        await WebhookInbox.EnqueueAsync(db, body, clock.GetUtcNow(), cancellationToken);
        signal.Notify();
        return WebhookReceipt.Stored;
    }
}
