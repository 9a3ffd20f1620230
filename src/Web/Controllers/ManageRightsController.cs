using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage.Rights;

namespace WapListing.Web.Controllers;

/// <summary>
/// Manage → Users → the user → Rights, tabs Users and Queues (DESIGN §8): show, preview the effect of ticked choices
/// without saving, save.
/// </summary>
[Authorize(Policy = Policies.Manage)]
[Route("manage/users/{id:int}/rights")]
public sealed class ManageRightsController(GetUserRights getUserRights) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromQuery] GetUserRightsRequest request, CancellationToken cancellationToken) =>
        await PageAsync(id, request.View, null, request.Done == "saved" ? RightsNotice.Saved : null, StatusCodes.Status200OK, cancellationToken);

    [HttpPost("preview")]
    public async Task<IActionResult> Preview(int id, [FromForm] RightsForm form, CancellationToken cancellationToken) =>
        await PageAsync(id, form.View, form.Selection, null, StatusCodes.Status200OK, cancellationToken);

    /// <summary>A previewed page reloaded or bookmarked: back to the page itself.</summary>
    [HttpGet("preview")]
    public IActionResult PreviewAddress(int id) => Redirect($"/manage/users/{id}/rights");

    [HttpPost("")]
    public async Task<IActionResult> Save(int id, [FromForm] RightsForm form, [FromServices] SaveUserRights saveUserRights, CancellationToken cancellationToken) =>
        await saveUserRights.HandleAsync(id, form, cancellationToken) switch
        {
            SaveRightsOutcome.Saved => Redirect(form.View.PageUrl(id, done: "saved")),
            SaveRightsOutcome.NotFound => NotFound(),
            SaveRightsOutcome.Conflict => await PageAsync(id, form.View, null, RightsNotice.Conflict, StatusCodes.Status409Conflict, cancellationToken),
            _ => await PageAsync(id, form.View, form.Selection, RightsNotice.UnknownIds, StatusCodes.Status400BadRequest, cancellationToken),
        };

    private async Task<IActionResult> PageAsync(int id, RightsView view, RightsSelection? ticked, RightsNotice? notice, int status, CancellationToken cancellationToken)
    {
        var page = await getUserRights.HandleAsync(id, view, ticked, notice, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var result = View("~/Views/ManageRights/Index.cshtml", page);
        result.StatusCode = status;
        return result;
    }
}
