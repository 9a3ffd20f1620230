using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage;
using WapListing.Web.Features.Manage.Groups;
using WapListing.Web.Features.Manage.Queues;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Controllers;

/// <summary>Manage → Queues: list, create, edit (name, connector, active, external key, queue groups).</summary>
[Authorize(Policy = Policies.Manage)]
[Route("manage/queues")]
public sealed class ManageQueuesController(GetQueueForm getQueueForm, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> List(bool deactivated, [FromServices] ListQueues listQueues, CancellationToken cancellationToken) =>
        View(await listQueues.HandleAsync(deactivated, cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", await getQueueForm.HandleAsync(null, cancellationToken));

    [HttpPost("")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> Create(QueueRequest request, [FromServices] SaveQueue saveQueue, CancellationToken cancellationToken) =>
        Save(null, request, saveQueue, cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await getQueueForm.HandleAsync(id, cancellationToken) is { } page ? View("Form", page) : NotFound();

    [HttpPost("{id:int}")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> Update(int id, QueueRequest request, [FromServices] SaveQueue saveQueue, CancellationToken cancellationToken) =>
        Save(id, request, saveQueue, cancellationToken);

    private async Task<IActionResult> Save(int? id, QueueRequest request, SaveQueue saveQueue, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await saveQueue.HandleAsync(id, request, cancellationToken) : null;
        if (result is { Outcome: ManageEditOutcome.Done })
        {
            return Redirect($"~/manage/queues/{result.Id}?done={(id is null ? "created" : "saved")}");
        }

        if (result is { Outcome: ManageEditOutcome.NotFound })
        {
            return NotFound();
        }

        this.ShowRefusal(result, localizer);

        var page = await getQueueForm.HandleAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        // The ticked groups as sent (unless the form starts over after a conflict): what was typed is kept.
        return View("Form", result?.Outcome == ManageEditOutcome.Conflict
            ? page
            : page with { Groups = page.Groups.Select(g => g with { IsTicked = request.GroupIds.Contains(g.Id) }).ToList(), IsActive = request.IsActive, ConnectorId = request.ConnectorId });
    }
}
