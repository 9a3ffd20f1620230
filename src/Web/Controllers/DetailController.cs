using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Detail;

namespace WapListing.Web.Controllers;

/// <summary>The interaction detail behind shared links (/listing/activities/?activityDetail=&lt;name&gt;), its attachments and the anonymize confirmation.</summary>
[Route("listing/activities")]
public sealed class DetailController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] GetDetailPageRequest request, [FromServices] GetDetailPage getDetailPage, CancellationToken cancellationToken) =>
        await getDetailPage.HandleAsync(request, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("attachments/{id:long}")]
    public async Task<IActionResult> Attachment(long id, [FromServices] GetAttachment getAttachment, CancellationToken cancellationToken) =>
        await getAttachment.HandleAsync(new GetAttachmentRequest(id), cancellationToken) is { } file
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();

    [HttpGet("qa/{id:int}")]
    public async Task<IActionResult> QaReview(int id, [FromServices] GetQaReview getQaReview, CancellationToken cancellationToken) =>
        await getQaReview.HandleAsync(new GetQaReviewRequest(id), cancellationToken) is { } review ? View("QaReview", review) : NotFound();

    [HttpGet("anonymize")]
    [Authorize(Policy = Policies.Anonymize)]
    public async Task<IActionResult> ConfirmAnonymize([FromQuery] GetAnonymizeConfirmationRequest request, [FromServices] GetAnonymizeConfirmation getConfirmation, CancellationToken cancellationToken) =>
        await getConfirmation.HandleAsync(request, cancellationToken) is { } detail ? View("Anonymize", detail) : NotFound();
}
