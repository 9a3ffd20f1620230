using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage;
using WapListing.Web.Features.Manage.Connectors;
using WapListing.Web.Features.Manage.Groups;
using WapListing.Web.Features.Sending.Templates;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Controllers;

/// <summary>Manage → Connectors: the WhatsApp numbers, their settings and write-only secrets.</summary>
[Authorize(Policy = Policies.Manage)]
[Route("manage/connectors")]
public sealed class ManageConnectorsController(GetConnectorForm getConnectorForm, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> List([FromServices] ListConnectors listConnectors, CancellationToken cancellationToken) =>
        View(await listConnectors.HandleAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        View("Form", await getConnectorForm.HandleAsync(null, cancellationToken));

    [HttpPost("")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> Create(ConnectorRequest request, [FromServices] SaveConnector saveConnector, CancellationToken cancellationToken) =>
        Save(null, request, saveConnector, cancellationToken);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await getConnectorForm.HandleAsync(id, cancellationToken) is { } page ? View("Form", page) : NotFound();

    [HttpPost("{id:int}")]
    [RedisplaysInvalidInput]
    public Task<IActionResult> Update(int id, ConnectorRequest request, [FromServices] SaveConnector saveConnector, CancellationToken cancellationToken) =>
        Save(id, request, saveConnector, cancellationToken);

    /// <summary>Replaces the connector's cached message templates with WhatsApp's; a refusal redisplays the page with its reason.</summary>
    [HttpPost("{id:int}/templates")]
    public async Task<IActionResult> FetchTemplates(int id, [FromServices] FetchTemplates fetchTemplates, CancellationToken cancellationToken)
    {
        var result = await fetchTemplates.HandleAsync(id, cancellationToken);
        if (result.Outcome == FetchTemplatesOutcome.Fetched)
        {
            return Redirect(Url.Content($"~/manage/connectors/{id}?done=templates&fetched={result.Fetched}&skipped={result.Skipped}"));
        }

        var page = result.Outcome == FetchTemplatesOutcome.NotFound ? null : await getConnectorForm.HandleAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        ViewData["TemplatesError"] = result.Describe(localizer);
        Response.StatusCode = result.Outcome == FetchTemplatesOutcome.GraphFailed ? StatusCodes.Status502BadGateway : StatusCodes.Status422UnprocessableEntity;
        return View("Form", page);
    }

    private async Task<IActionResult> Save(int? id, ConnectorRequest request, SaveConnector saveConnector, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await saveConnector.HandleAsync(id, request, cancellationToken) : null;
        if (result is { Outcome: ManageEditOutcome.Done })
        {
            return Redirect($"~/manage/connectors/{result.Id}?done={(id is null ? "created" : "saved")}");
        }

        if (result is { Outcome: ManageEditOutcome.NotFound })
        {
            return NotFound();
        }

        this.ShowRefusal(result, localizer);

        var page = await getConnectorForm.HandleAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        ViewData["SecretsNotSaved"] = request.HasTypedSecrets;
        return View("Form", result?.Outcome == ManageEditOutcome.Conflict
            ? page
            : page with { IsActive = request.IsActive, DefaultQueueId = request.DefaultQueueId });
    }
}
