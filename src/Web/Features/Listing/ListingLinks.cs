using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Controllers;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Listing;

/// <summary>Links to the listing and its export, from the routes, carrying the criteria in the query string.</summary>
public static class ListingLinks
{
    public static string Listing(this IUrlHelper url, ListingCriteria criteria) =>
        ListingQueryString.Append(url.Action(nameof(ListingController.Wap), "Listing")!, criteria);

    /// <summary>The listing sorted by a column: a second click on the sorted column reverses it; a new column starts at its default direction.</summary>
    public static string ListingSortedBy(this IUrlHelper url, ListingCriteria criteria, ListingColumn column)
    {
        var descending = criteria.Sort == column ? !criteria.Descending : ListingColumns.DefaultDescending(column);
        return url.Listing(criteria with { Sort = column, Descending = descending, Page = 1 });
    }

    public static string ListingPage(this IUrlHelper url, ListingCriteria criteria, int page) => url.Listing(criteria with { Page = page });

    /// <summary>The Export dialog over the listing's criteria (all matching rows; ticked rows are added by the page's form).</summary>
    public static string ExportDialog(this IUrlHelper url, ListingCriteria criteria) =>
        ListingQueryString.Append(url.Action(nameof(ExportController.Dialog), "Export")!, criteria with { Page = 1, Selected = [] });
}
