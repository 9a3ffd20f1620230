using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Controllers;

namespace WapListing.Web.Features.Detail;

/// <summary>
/// The one place links to the interaction detail are built:
/// <c>/listing/activities/?activityDetail=&lt;name&gt;[&amp;tab=activity][&amp;panel=pair][&amp;done=…]</c>.
/// </summary>
public static class DetailLinks
{
    /// <summary>The detail of an interaction or activity, on a tab, with a panel open, with a done message.</summary>
    public static string Detail(this IUrlHelper url, string name, DetailTab tab = DetailTab.Wap, DetailPanel panel = DetailPanel.None, string? done = null, string? back = null)
    {
        var values = new RouteValueDictionary { ["activityDetail"] = name };
        if (tab != DetailTab.Wap)
        {
            values["tab"] = tab.ToString().ToLowerInvariant();
        }

        if (panel != DetailPanel.None)
        {
            values["panel"] = panel.ToString().ToLowerInvariant();
        }

        if (done is not null)
        {
            values["done"] = done;
        }

        if (ListingBack(back) is { } listingQuery)
        {
            values["back"] = listingQuery;
        }

        return WithPublishedSlash(url.Action(nameof(DetailController.Index), "Detail", values));
    }

    /// <summary>
    /// <see cref="Detail"/> for many interactions with the same tab, panel and way back (the listing's rows): the link is
    /// resolved once and each row's name put into it, encoded as routing encodes it.
    /// </summary>
    public static Func<string, string> DetailLinkForRows(this IUrlHelper url, string? back, DetailPanel panel = DetailPanel.None)
    {
        // A name routing always escapes ("\u0001" → "%01") and an encoded way back can never hold ('%' is "%25" there).
        var template = url.Detail("\u0001", panel: panel, back: back);
        var at = template.IndexOf("=%01", StringComparison.Ordinal) + 1;
        var (before, after) = (template[..at], template[(at + 3)..]);
        return name => string.Concat(before, UrlEncoder.Default.Encode(name), after);
    }

    /// <summary>Longest listing query string a detail link carries back; longer ones (bad input) fall back to the plain listing.</summary>
    public const int MaxBackLength = 2000;

    /// <summary>
    /// The listing query string a detail's breadcrumb returns to (<c>back=?time=yesterday&amp;queue=3</c>), when it is one:
    /// it must start with <c>?</c>, so that appended to the listing's path it can only name the listing. Else null.
    /// </summary>
    public static string? ListingBack(string? back) =>
        back is { Length: > 1 and <= MaxBackLength } && back[0] == '?' && !back.Any(char.IsControl) && !back.Contains('#', StringComparison.Ordinal) ? back : null;

    /// <summary>The listing the detail's breadcrumb goes back to: with the listing's filters when the link carried them.</summary>
    public static string ListingBackLink(this IUrlHelper url, string? back) =>
        (url.Action(nameof(ListingController.Wap), "Listing") ?? "/listing/wap") + (ListingBack(back) ?? string.Empty);

    /// <summary>The shareable link of the detail: the same link with the scheme and host of the current request.</summary>
    public static string DetailAbsolute(this IUrlHelper url, string name)
    {
        var request = url.ActionContext.HttpContext.Request;
        return $"{request.Scheme}://{request.Host}{url.Detail(name)}";
    }

    /// <summary>The detail's path without a query, for the action of GET forms that fill the query in.</summary>
    public static string DetailPath(this IUrlHelper url) =>
        WithPublishedSlash(url.Action(nameof(DetailController.Index), "Detail"));

    // Shared links have always been /listing/activities/?activityDetail=… (DESIGN §1); routing drops that slash, so it is put back here.
    private static string WithPublishedSlash(string? link)
    {
        if (link is null)
        {
            throw new InvalidOperationException("The interaction detail's route did not resolve.");
        }

        var query = link.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? link : link[..query];
        return path.EndsWith('/') ? link : path + "/" + link[path.Length..];
    }
}
