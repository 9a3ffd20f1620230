using WapListing.Web.Localization;

namespace WapListing.Web.Features.Detail;

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
    string? Message)
{
    /// <summary>The listing's query string the breadcrumb returns to, when the listing's link carried a valid one.</summary>
    public string? ListingBack { get; init; }

    /// <summary>The composer, when the viewer may write to the customer from this chat.</summary>
    public Sending.ComposerModel? Composer { get; init; }

    /// <summary>The name a shared link of this page carries: the selected activity's, else the interaction's.</summary>
    public string SelectedName => Selected?.Name ?? Detail.Interaction.Name;

    /// <summary>A time of the detail in the viewer's zone and culture; empty when there is none.</summary>
    public string When(DateTimeOffset? instant) => instant is { } value ? DisplayFormat.DateTime(value, Zone) : string.Empty;
}
