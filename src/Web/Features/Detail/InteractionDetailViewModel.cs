using WapListing.Web.Localization;

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
    /// <summary>The activity the page is about: the selected one, else the interaction itself.</summary>
    public string SelectedName => Selected?.Name ?? Detail.Interaction.Name;

    /// <summary>A time of the detail in the viewer's zone and culture; empty when there is none.</summary>
    public string When(DateTimeOffset? instant) => instant is { } value ? DisplayFormat.DateTime(value, Zone) : string.Empty;
}
