using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Sending;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Detail;

/// <summary>The query string of the detail: <c>?activityDetail=&lt;name&gt;[&amp;tab=activity][&amp;panel=pair|ticket|qa][&amp;q=…][&amp;done=…]</c>.</summary>
public sealed record GetDetailPageRequest
{
    [FromQuery(Name = "activityDetail")] public string? ActivityDetail { get; init; }

    [FromQuery(Name = "tab")] public string? Tab { get; init; }

    [FromQuery(Name = "panel")] public string? Panel { get; init; }

    /// <summary>The listing's "+" button of an unpaired row opens the Pair panel with <c>pair=1</c>.</summary>
    [FromQuery(Name = "pair")] public string? Pair { get; init; }

    [FromQuery(Name = "q")] public string? Search { get; init; }

    /// <summary>The outcome of the action that led back here, named by its resource (<c>Detail.Done.paired</c>).</summary>
    [FromQuery(Name = "done")] public string? Done { get; init; }

    /// <summary>The listing's query string the breadcrumb goes back to (validated by <see cref="DetailLinks.ListingBack"/>).</summary>
    [FromQuery(Name = "back")] public string? Back { get; init; }
}

/// <summary>
/// The detail page behind shared links (DESIGN §6): the interaction with the requested activity selected, the tab,
/// the action panel the viewer may open (with its search results) and the outcome of the last action.
/// </summary>
public sealed class GetDetailPage(
    InteractionDetailQuery detailQuery,
    DetailSearches searches,
    ViewerAccess viewerAccess,
    CurrentViewer viewer,
    ComposerQuery composerQuery,
    IStringLocalizer<SharedResource> localizer)
{
    public async Task<InteractionDetailViewModel?> HandleAsync(GetDetailPageRequest request, CancellationToken cancellationToken) =>
        await HandleAsync(request, null, cancellationToken);

    /// <summary>The page with the composer as the last form left it (its preview, or why it was not sent).</summary>
    public async Task<InteractionDetailViewModel?> HandleAsync(GetDetailPageRequest request, ComposerState? composer, CancellationToken cancellationToken)
    {
        var detail = await detailQuery.LoadAsync(request.ActivityDetail, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var selected = detail.Activities.FirstOrDefault(a => a.Name == detail.RequestedName) ?? detail.Activities.FirstOrDefault();
        var viewerId = viewer.UserId;
        var access = await DetailAccess.DecideAsync(viewerAccess, detail.Interaction, detail.Activities.Any(a => a.UserId == viewerId && a.ClosedAt is null));
        var panel = request.Pair == "1" ? DetailPanel.Pair
            : Enum.TryParse<DetailPanel>(request.Panel, ignoreCase: true, out var named) && Enum.IsDefined(named) ? named
            : DetailPanel.None;
        if (!access.Allows(panel))
        {
            panel = DetailPanel.None;
        }

        var search = request.Search?.Trim();
        var contacts = panel == DetailPanel.Pair ? await searches.ContactsAsync(search, cancellationToken) : [];
        var tickets = panel == DetailPanel.Ticket ? await searches.TicketsAsync(search, cancellationToken) : [];
        var tab = string.Equals(request.Tab, "activity", StringComparison.OrdinalIgnoreCase) ? DetailTab.Activity : DetailTab.Wap;
        var message = request.Done is { Length: <= 40 } done && localizer[$"Detail.Done.{done}"] is { ResourceNotFound: false } text ? text.Value : null;
        return new InteractionDetailViewModel(detail, selected, tab, panel, search, contacts, tickets, access, viewer.TimeZone, message)
        {
            ListingBack = DetailLinks.ListingBack(request.Back),
            Composer = await composerQuery.LoadAsync(detail.Interaction, composer, cancellationToken),
        };
    }
}
