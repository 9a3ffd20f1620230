using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Features.Crm;
using WapListing.Web.Identity;

namespace WapListing.Web.Controllers;

/// <summary>CRM contact, company and ticket pages opened from the detail (their interactions within rights).</summary>
public sealed class CrmController(CurrentViewer viewer, GetCrmRecord getRecord) : Controller
{
    [HttpGet("crm/contacts/{id:int}")]
    public async Task<IActionResult> Contact(int id, CancellationToken cancellationToken) =>
        Show(await getRecord.ContactAsync(await viewer.GetRightsAsync(cancellationToken), id, viewer.TimeZone, cancellationToken));

    [HttpGet("crm/companies/{id:int}")]
    public async Task<IActionResult> Company(int id, CancellationToken cancellationToken) =>
        Show(await getRecord.CompanyAsync(await viewer.GetRightsAsync(cancellationToken), id, viewer.TimeZone, cancellationToken));

    [HttpGet("tickets/{id:int}")]
    public async Task<IActionResult> Ticket(int id, CancellationToken cancellationToken) =>
        Show(await getRecord.TicketAsync(await viewer.GetRightsAsync(cancellationToken), id, viewer.TimeZone, cancellationToken));

    private IActionResult Show(CrmRecordViewModel? model) => model is null ? NotFound() : View("Record", model);
}
