namespace WapListing.Web.Features.Listing.Criteria;

public enum TimePreset
{
    Today,
    Yesterday,
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    Last7Days,
    Last30Days,
    ThisYear,
    Custom,
}
