using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage.Inbox;

namespace WapListing.Web.Controllers;

/// <summary>Manage → WhatsApp inbox: what waits, what was parked and why, and sending a parked body back.</summary>
[Authorize(Policy = Policies.Manage)]
[Route("manage/inbox")]
public sealed class ManageInboxController(GetWebhookInbox getWebhookInbox, RetryParkedWebhook retryParkedWebhook) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, CancellationToken cancellationToken) =>
        View(await getWebhookInbox.HandleAsync(done == "retried" ? done : null, cancellationToken));

    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken) =>
        await retryParkedWebhook.HandleAsync(id, cancellationToken) ? Redirect("~/manage/inbox?done=retried") : NotFound();
}
