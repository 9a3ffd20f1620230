using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Detail;
using WapListing.Web.Features.Detail.Actions;
using WapListing.Web.Identity;

namespace WapListing.Web.Controllers;

/// <summary>The actions of the interaction detail (DESIGN §6): each answers with a redirect back to the detail.</summary>
[Route("listing/activities")]
public sealed class DetailActionsController(CurrentViewer viewer) : Controller
{
    [HttpPost("start")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> Start(string name, [FromServices] StartNewActivity startNewActivity, CancellationToken cancellationToken)
    {
        var (outcome, activityName) = await startNewActivity.HandleAsync(await viewer.GetRightsAsync(cancellationToken), viewer.UserId, name, cancellationToken);
        return outcome == ActionOutcome.Done ? Back(activityName!, "activity", "started") : Answer(outcome, name);
    }

    [HttpPost("remove-missed")]
    [Authorize(Policy = Policies.RemoveFromMissed)]
    public async Task<IActionResult> RemoveFromMissed(string name, [FromServices] RemoveFromMissed removeFromMissed, CancellationToken cancellationToken) =>
        Answer(await removeFromMissed.HandleAsync(await viewer.GetRightsAsync(cancellationToken), viewer.UserId, name, cancellationToken), name, "removed");

    [HttpPost("pair")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> Pair(string activity, int contactId, [FromServices] PairContact pairContact, CancellationToken cancellationToken) =>
        Answer(await pairContact.WithExistingAsync(await viewer.GetRightsAsync(cancellationToken), activity, contactId, cancellationToken), activity, "paired");

    [HttpPost("create-contact")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> CreateContact(string activity, string? name, string? phone, string? email, [FromServices] PairContact pairContact, CancellationToken cancellationToken) =>
        Answer(await pairContact.WithNewAsync(await viewer.GetRightsAsync(cancellationToken), activity, name, phone, email, cancellationToken), activity, "paired");

    [HttpPost("ticket")]
    [Authorize(Policy = Policies.EditInteractions)]
    public async Task<IActionResult> MergeIntoTicket(string activity, int? ticketId, string? title, [FromServices] MergeIntoTicket mergeIntoTicket, CancellationToken cancellationToken)
    {
        var (outcome, _) = await mergeIntoTicket.HandleAsync(await viewer.GetRightsAsync(cancellationToken), activity, ticketId, title, cancellationToken);
        return Answer(outcome, activity, "merged");
    }

    [HttpPost("qa")]
    [Authorize(Policy = Policies.AddQaReview)]
    public async Task<IActionResult> AddQaReview(string activity, int? score, string? comment, [FromServices] AddQaReview addQaReview, CancellationToken cancellationToken) =>
        Answer(await addQaReview.HandleAsync(await viewer.GetRightsAsync(cancellationToken), viewer.UserId, activity, score, comment, cancellationToken), activity, "reviewed");

    [HttpPost("anonymize")]
    [Authorize(Policy = Policies.Anonymize)]
    public async Task<IActionResult> Anonymize(string name, [FromServices] AnonymizeInteraction anonymizeInteraction, CancellationToken cancellationToken) =>
        Answer(await anonymizeInteraction.HandleAsync(await viewer.GetRightsAsync(cancellationToken), viewer.UserId, name, cancellationToken), name, "anonymized");

    private IActionResult Answer(ActionOutcome outcome, string name, string? done = null) => outcome switch
    {
        ActionOutcome.NotFound => NotFound(),
        ActionOutcome.Invalid => Back(name, null, "invalid"),
        ActionOutcome.NotApplicable => Back(name, null, "unchanged"),
        _ => Back(name, null, done ?? "saved"),
    };

    private RedirectResult Back(string name, string? tab, string done) =>
        Redirect(Url.Detail(name, tab is null ? DetailTab.Wap : Enum.Parse<DetailTab>(tab, ignoreCase: true), done: done));
}
