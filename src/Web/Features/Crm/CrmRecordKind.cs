namespace WapListing.Web.Features.Crm;

/// <summary>The CRM pages opened from the detail; each name is also its action of <c>CrmController</c>.</summary>
public enum CrmRecordKind
{
    Contact,
    Company,
    Ticket,
}
