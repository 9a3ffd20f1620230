using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>The subscription handshake Meta does once when the webhook URL is configured in the Meta app.</summary>
public sealed record VerifyWebhookRequest(string? Mode, string? VerifyToken, string? Challenge);

/// <summary><c>GET /webhooks/whatsapp</c>: the challenge back when the verify token is one of the connectors'; else nothing.</summary>
public sealed class VerifyWebhook(WapListingDbContext db, ConnectorSecrets secrets)
{
    public async Task<string?> HandleAsync(VerifyWebhookRequest request, CancellationToken cancellationToken)
    {
        if (request.Mode != "subscribe" || string.IsNullOrEmpty(request.VerifyToken) || request.Challenge is null)
        {
            return null;
        }

        var stored = await db.Connectors.AsNoTracking()
            .Where(c => c.ProtectedVerifyToken != null)
            .Select(c => c.ProtectedVerifyToken)
            .ToListAsync(cancellationToken);
        var offered = Encoding.UTF8.GetBytes(request.VerifyToken);
        var matches = false;
        foreach (var token in stored.Select(secrets.Unprotect).OfType<string>())
        {
            matches |= CryptographicOperations.FixedTimeEquals(offered, Encoding.UTF8.GetBytes(token));
        }

        return matches ? request.Challenge : null;
    }
}
