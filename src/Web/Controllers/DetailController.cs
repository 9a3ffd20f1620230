using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Detail;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Controllers;

/// <summary>The interaction detail behind shared links (/listing/activities/?activityDetail=&lt;name&gt;), its attachments and the anonymize confirmation.</summary>
[Route("listing/activities")]
public sealed class DetailController(
    CurrentViewer viewer,
    GetInteractionDetail getDetail,
    DetailSearches searches,
    GetAttachment getAttachment,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? activityDetail, string? tab, string? panel, int? pair, string? q, string? done, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(activityDetail))
        {
            return NotFound();
        }

        var rights = await viewer.GetRightsAsync(cancellationToken);
        var seesAllQa = viewer.Role is not UserRole.Agent;
        var detail = await getDetail.HandleAsync(new GetInteractionDetailQuery(rights, activityDetail, viewer.UserId, seesAllQa), cancellationToken);
        if (detail is null)
        {
            return NotFound();
        }

        var selected = detail.Activities.FirstOrDefault(a => a.Name == detail.RequestedName) ?? detail.Activities.FirstOrDefault();
        var chosenPanel = pair == 1 ? DetailPanel.Pair : Enum.TryParse<DetailPanel>(panel, ignoreCase: true, out var p) ? p : DetailPanel.None;
        var access = new DetailAccess(
            await AllowedAsync(Policies.EditInteractions),
            await AllowedAsync(Policies.AddQaReview),
            await AllowedAsync(Policies.RemoveFromMissed),
            await AllowedAsync(Policies.Anonymize));
        if ((chosenPanel is DetailPanel.Pair or DetailPanel.Ticket && !access.CanEdit) || (chosenPanel == DetailPanel.Qa && !access.CanAddQa)
            || detail.Interaction.AnonymizedAt is not null && chosenPanel == DetailPanel.Pair)
        {
            chosenPanel = DetailPanel.None;
        }

        var search = q?.Trim();
        var contacts = chosenPanel == DetailPanel.Pair ? await searches.ContactsAsync(search, cancellationToken) : [];
        var tickets = chosenPanel == DetailPanel.Ticket ? await searches.TicketsAsync(search, cancellationToken) : [];
        var shareName = selected?.Name ?? detail.Interaction.Name;
        var shareable = $"{Request.Scheme}://{Request.Host}{Url.Detail(shareName)}";
        var message = done is not null && localizer[$"Detail.Done.{done}"] is { ResourceNotFound: false } text ? text.Value : null;
        return View(new InteractionDetailViewModel(
            detail, selected, string.Equals(tab, "activity", StringComparison.OrdinalIgnoreCase) ? DetailTab.Activity : DetailTab.Wap,
            chosenPanel, search, contacts, tickets, access, viewer.TimeZone, shareable, message));
    }

    [HttpGet("attachments/{id:long}")]
    public async Task<IActionResult> Attachment(long id, CancellationToken cancellationToken)
    {
        var file = await getAttachment.HandleAsync(await viewer.GetRightsAsync(cancellationToken), id, cancellationToken);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
    }

    [HttpGet("anonymize")]
    [Authorize(Policy = Policies.Anonymize)]
    public async Task<IActionResult> ConfirmAnonymize(string name, CancellationToken cancellationToken)
    {
        var detail = await getDetail.HandleAsync(new GetInteractionDetailQuery(await viewer.GetRightsAsync(cancellationToken), name, viewer.UserId, true), cancellationToken);
        return detail is null ? NotFound() : View("Anonymize", detail);
    }

    private async Task<bool> AllowedAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
