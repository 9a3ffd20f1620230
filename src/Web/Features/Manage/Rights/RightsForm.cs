namespace WapListing.Web.Features.Manage.Rights;

/// <summary>
/// The Rights form as posted (preview or save): the ticked switches and boxes of both tabs, the user row's
/// <see cref="Version"/> it was read at, and how the page was being shown (tab, deactivated ones).
/// </summary>
public sealed record RightsForm
{
    public bool AllUsers { get; init; }
    public bool AllQueues { get; init; }
    public int[] UserIds { get; init; } = [];
    public int[] UserGroupIds { get; init; } = [];
    public int[] QueueIds { get; init; } = [];
    public int[] QueueGroupIds { get; init; } = [];

    /// <summary>The user row's xmin when the page was read.</summary>
    public uint Version { get; init; }

    /// <summary>The tab open when the form was sent (<c>users</c>, <c>queues</c>).</summary>
    public string? Tab { get; init; }

    /// <summary>A tab button pressed without JavaScript: preview and open that tab.</summary>
    public string? SwitchTo { get; init; }

    /// <summary><c>1</c>: list deactivated users and queues too.</summary>
    public string? ShowDeactivated { get; init; }

    public RightsSelection Selection => RightsSelection.Of(AllUsers, AllQueues, UserIds, UserGroupIds, QueueIds, QueueGroupIds);

    public RightsView View => new(RightsView.TabOf(SwitchTo ?? Tab), RightsView.IsOn(ShowDeactivated));
}

/// <summary>The query of the Rights page: which tab is open, whether deactivated ones are listed, the outcome of a save.</summary>
public sealed record GetUserRightsRequest
{
    public string? Tab { get; init; }
    public string? ShowDeactivated { get; init; }
    public string? Done { get; init; }

    public RightsView View => new(RightsView.TabOf(Tab), RightsView.IsOn(ShowDeactivated));
}

public enum RightsTab
{
    Users,
    Queues,
}

/// <summary>How the Rights page is shown.</summary>
public sealed record RightsView(RightsTab Tab, bool ShowDeactivated)
{
    public string TabCode => Tab == RightsTab.Queues ? "queues" : "users";

    public static RightsTab TabOf(string? code) =>
        string.Equals(code, "queues", StringComparison.OrdinalIgnoreCase) ? RightsTab.Queues : RightsTab.Users;

    public static bool IsOn(string? flag) => flag is "1" or "true" or "on";

    /// <summary>The page's address showing this view, with an optional outcome notice.</summary>
    public string PageUrl(int userId, string? done = null)
    {
        var query = new List<string> { "tab=" + TabCode };
        if (ShowDeactivated)
        {
            query.Add("showDeactivated=1");
        }

        if (done is not null)
        {
            query.Add("done=" + Uri.EscapeDataString(done));
        }

        return $"/manage/users/{userId}/rights?" + string.Join("&", query);
    }
}
