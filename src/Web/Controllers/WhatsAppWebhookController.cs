using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Features.Ingestion.WhatsApp;

namespace WapListing.Web.Controllers;

/// <summary>The WhatsApp Business Platform (Cloud API) webhook of DESIGN §9 A. Meta signs it; no cookie, no antiforgery.</summary>
[AllowAnonymous]
[ApiController]
[IgnoreAntiforgeryToken]
[Route("webhooks/whatsapp")]
public sealed class WhatsAppWebhookController(VerifyWebhook verifyWebhook, ReceiveWebhook receiveWebhook) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Verify(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        CancellationToken cancellationToken) =>
        await verifyWebhook.HandleAsync(new VerifyWebhookRequest(mode, verifyToken, challenge), cancellationToken) is { } answer
            ? Content(answer, "text/plain")
            : Problem(statusCode: StatusCodes.Status403Forbidden, title: "The verify token matches no connector.");

    [HttpPost]
    public async Task<IActionResult> Receive(CancellationToken cancellationToken) =>
        await receiveWebhook.HandleAsync(Request, cancellationToken) switch
        {
            WebhookReceipt.Stored => Ok(),
            WebhookReceipt.TooLarge => Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The webhook body is larger than this server accepts."),
            _ => Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong X-Hub-Signature-256."),
        };
}
