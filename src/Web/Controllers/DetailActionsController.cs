using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Detail;
using WapListing.Web.Features.Detail.Actions;

namespace WapListing.Web.Controllers;

/// <summary>
/// The actions of the interaction detail (DESIGN §6). Each form binds to its request (validated before the action
/// runs), its use case acts within the viewer's rights, and the answer is a redirect back to the detail with the outcome.
/// </summary>
[Route("listing/activities")]
public sealed class DetailActionsController : Controller
{
    [HttpPost("start")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> Start([FromForm] InteractionActionRequest request, [FromServices] StartNewActivity startNewActivity, CancellationToken cancellationToken)
    {
        var (outcome, activityName) = await startNewActivity.HandleAsync(request, cancellationToken);
        return outcome == ActionOutcome.Done
            ? Redirect(Url.Detail(activityName!, done: "started"))
            : Answer(outcome, request.Name!, "started");
    }

    [HttpPost("close-draft")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> CloseDraft([FromForm] InteractionActionRequest request, [FromServices] CloseDraft closeDraft, CancellationToken cancellationToken) =>
        Answer(await closeDraft.HandleAsync(request, cancellationToken), request.Name!, "draftclosed");

    [HttpPost("close-activity")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> CloseActivity([FromForm] InteractionActionRequest request, [FromServices] CloseActivity closeActivity, CancellationToken cancellationToken) =>
        Answer(await closeActivity.HandleAsync(request, cancellationToken), request.Name!, "activityclosed");

    [HttpPost("discard-draft")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> DiscardDraft([FromForm] InteractionActionRequest request, [FromServices] DiscardDraft discardDraft, CancellationToken cancellationToken)
    {
        var (outcome, startedFrom) = await discardDraft.HandleAsync(request, cancellationToken);
        return outcome switch
        {
            ActionOutcome.Done when startedFrom is not null => Redirect(Url.Detail(startedFrom, done: "discarded")),
            ActionOutcome.Done => RedirectToAction("Wap", "Listing"),
            _ => Answer(outcome, request.Name!, "discarded"),
        };
    }

    [HttpPost("remove-missed")]
    [Authorize(Policy = Policies.RemoveFromMissed)]
    public async Task<IActionResult> RemoveFromMissed([FromForm] InteractionActionRequest request, [FromServices] RemoveFromMissed removeFromMissed, CancellationToken cancellationToken) =>
        Answer(await removeFromMissed.HandleAsync(request, cancellationToken), request.Name!, "removed");

    [HttpPost("pair")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> Pair([FromForm] PairContactRequest request, [FromServices] PairContact pairContact, CancellationToken cancellationToken) =>
        Answer(await pairContact.HandleAsync(request, cancellationToken), request.Activity!, "paired");

    [HttpPost("create-contact")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> CreateContact([FromForm] CreateContactRequest request, [FromServices] CreateContact createContact, CancellationToken cancellationToken) =>
        Answer(await createContact.HandleAsync(request, cancellationToken), request.Activity!, "paired");

    [HttpPost("ticket")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> MergeIntoTicket([FromForm] MergeIntoTicketRequest request, [FromServices] MergeIntoTicket mergeIntoTicket, CancellationToken cancellationToken) =>
        Answer(await mergeIntoTicket.HandleAsync(request, cancellationToken), request.Activity!, "merged");

    [HttpPost("qa")]
    [Authorize(Policy = Policies.AddQaReview)]
    public async Task<IActionResult> AddQaReview([FromForm] AddQaReviewRequest request, [FromServices] AddQaReview addQaReview, CancellationToken cancellationToken) =>
        Answer(await addQaReview.HandleAsync(request, cancellationToken), request.Activity!, "reviewed");

    [HttpPost("anonymize")]
    [Authorize(Policy = Policies.Anonymize)]
    public async Task<IActionResult> Anonymize([FromForm] InteractionActionRequest request, [FromServices] AnonymizeInteraction anonymizeInteraction, CancellationToken cancellationToken) =>
        Answer(await anonymizeInteraction.HandleAsync(request, cancellationToken), request.Name!, "anonymized");

    private IActionResult Answer(ActionOutcome outcome, string name, string done) => outcome switch
    {
        ActionOutcome.NotFound => NotFound(),
        _ => Redirect(Url.Detail(name, done: ActionOutcomes.DoneKey(outcome, done))),
    };
}
