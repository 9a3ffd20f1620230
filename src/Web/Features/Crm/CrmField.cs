namespace WapListing.Web.Features.Crm;

public sealed record CrmField(string LabelKey, string? Value, CrmLink? Link = null);
