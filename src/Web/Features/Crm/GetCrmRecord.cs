using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Listing;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Crm;

public sealed record GetCrmRecordRequest(CrmRecordKind Kind, int Id);

/// <summary>
/// A CRM contact, company or ticket page: its data and the interactions tied to it that the viewer may see.
/// The page exists for a viewer who may see an interaction tied to the record (through the rights rule), or whose role
/// may pair contacts and merge into tickets (they pick such records in the detail); for anyone else it is a 404.
/// </summary>
public sealed class GetCrmRecord(WapListingDbContext db, CurrentViewer viewer, ViewerAccess access, IStringLocalizer<SharedResource> localizer)
{
    private const int MaxInteractions = 200;

    public async Task<CrmRecordViewModel?> HandleAsync(GetCrmRecordRequest request, CancellationToken cancellationToken)
    {
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var zone = viewer.TimeZone;
        var record = request.Kind switch
        {
            CrmRecordKind.Contact => await ContactAsync(rights, request.Id, zone, cancellationToken),
            CrmRecordKind.Company => await CompanyAsync(rights, request.Id, zone, cancellationToken),
            _ => await TicketAsync(rights, request.Id, zone, cancellationToken),
        };

        // Rows hold only interactions visible to the viewer: none means the viewer may open it only by role.
        return record is null || record.Interactions.Count > 0 || await access.CanEditInteractionsAsync() ? record : null;
    }

    private async Task<CrmRecordViewModel?> ContactAsync(ViewerRights rights, int id, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, c.Email, c.PhoneNumbers, c.CompanyId, Company = c.Company != null ? c.Company.Name : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return null;
        }

        var rows = await RowsAsync(db.Interactions.VisibleTo(rights).Where(i => i.ContactId == id || i.Activities.Any(a => a.ContactId == id)), cancellationToken);
        return new CrmRecordViewModel("Crm.Contact", contact.Name,
        [
            new("Detail.Email", contact.Email),
            new("Detail.Phone", string.Join(", ", contact.PhoneNumbers)),
            new("Crm.Company", contact.Company, contact.CompanyId is { } companyId ? new CrmLink(CrmRecordKind.Company, companyId) : null),
        ], rows, zone);
    }

    private async Task<CrmRecordViewModel?> CompanyAsync(ViewerRights rights, int id, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Name, Contacts = db.Contacts.Where(k => k.CompanyId == c.Id).OrderBy(k => k.Name).Select(k => new { k.Id, k.Name }).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        if (company is null)
        {
            return null;
        }

        var rows = await RowsAsync(db.Interactions.VisibleTo(rights).Where(i => i.Contact != null && i.Contact.CompanyId == id), cancellationToken);
        return new CrmRecordViewModel("Crm.Company", company.Name,
            company.Contacts.Select(k => new CrmField("Column.Contact", k.Name, new CrmLink(CrmRecordKind.Contact, k.Id))).ToList(), rows, zone);
    }

    private async Task<CrmRecordViewModel?> TicketAsync(ViewerRights rights, int id, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Number, t.Title, t.Status }).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var rows = await RowsAsync(db.Interactions.VisibleTo(rights).Where(i => i.Activities.Any(a => a.TicketId == id)), cancellationToken);
        return new CrmRecordViewModel("Crm.Ticket", $"#{ticket.Number} {ticket.Title}",
            [new("Detail.Status", localizer[$"TicketStatus.{ticket.Status}"].Value)], rows, zone);
    }

    private static async Task<IReadOnlyList<WapListingRow>> RowsAsync(IQueryable<Interaction> interactions, CancellationToken cancellationToken) =>
        await interactions.AsNoTracking()
            .OrderByDescending(i => i.Time).ThenByDescending(i => i.Id)
            .Take(MaxInteractions)
            .ToRows()
            .ToListAsync(cancellationToken);
}
