using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Controllers;

namespace WapListing.Web.Features.Detail;

/// <summary>The one place that builds links to the interaction detail.</summary>
public static class DetailLinks
{
    public static string Detail(this IUrlHelper url, string name, DetailTab tab = DetailTab.Wap, DetailPanel panel = DetailPanel.None, string? done = null)
    {
        var path = url.Action(nameof(DetailController.Index), "Detail", new
        {
            activityDetail = name,
            tab = tab == DetailTab.Wap ? null : tab.ToString().ToLowerInvariant(),
            panel = panel == DetailPanel.None ? null : panel.ToString().ToLowerInvariant(),
            done,
        })!;

        // Shared links have the published form /listing/activities/?activityDetail=… (DESIGN §1); routing drops the slash.
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query > 0 && path[query - 1] != '/' ? path.Insert(query, "/") : path;
    }
}
