using WapListing.Web.Features.Listing;

namespace WapListing.Web.Features.Crm;

public sealed record CrmRecordViewModel(string TitleKey, string Name, IReadOnlyList<CrmField> Fields, IReadOnlyList<WapListingRow> Interactions, TimeZoneInfo Zone);
