namespace WapListing.Web.Features.Detail;

public enum DetailTab
{
    Wap,
    Activity,
}

public enum DetailPanel
{
    None,
    Pair,
    Ticket,
    Qa,
}

public sealed record DetailAccess(bool CanEdit, bool CanAddQa, bool CanRemoveFromMissed, bool CanAnonymize);

public sealed record InteractionDetailViewModel(
    InteractionDetail Detail,
    ActivityItem? Selected,
    DetailTab Tab,
    DetailPanel Panel,
    string? Search,
    IReadOnlyList<ContactOption> ContactResults,
    IReadOnlyList<TicketOption> TicketResults,
    DetailAccess Access,
    TimeZoneInfo Zone,
    string ShareableLink,
    string? Message)
{
    public string Link(string activityName, DetailTab tab, DetailPanel panel = DetailPanel.None)
    {
        var url = "/listing/activities/?activityDetail=" + Uri.EscapeDataString(activityName);
        if (tab != DetailTab.Wap)
        {
            url += "&tab=" + tab.ToString().ToLowerInvariant();
        }

        return panel == DetailPanel.None ? url : url + "&panel=" + panel.ToString().ToLowerInvariant();
    }
}
