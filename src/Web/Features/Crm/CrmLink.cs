namespace WapListing.Web.Features.Crm;

/// <summary>A link to another CRM page (the view builds its URL from the route).</summary>
public sealed record CrmLink(CrmRecordKind Kind, int Id);
