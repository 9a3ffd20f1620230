using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Features.Crm;

namespace WapListing.Web.Controllers;

/// <summary>CRM contact, company and ticket pages opened from the detail (their interactions within rights).</summary>
public sealed class CrmController(GetCrmRecord getRecord) : Controller
{
    [HttpGet("crm/contacts/{id:int}")]
    public Task<IActionResult> Contact(int id, CancellationToken cancellationToken) => ShowAsync(CrmRecordKind.Contact, id, cancellationToken);

    [HttpGet("crm/companies/{id:int}")]
    public Task<IActionResult> Company(int id, CancellationToken cancellationToken) => ShowAsync(CrmRecordKind.Company, id, cancellationToken);

    [HttpGet("tickets/{id:int}")]
    public Task<IActionResult> Ticket(int id, CancellationToken cancellationToken) => ShowAsync(CrmRecordKind.Ticket, id, cancellationToken);

    private async Task<IActionResult> ShowAsync(CrmRecordKind kind, int id, CancellationToken cancellationToken) =>
        await getRecord.HandleAsync(new GetCrmRecordRequest(kind, id), cancellationToken) is { } model ? View("Record", model) : NotFound();
}
