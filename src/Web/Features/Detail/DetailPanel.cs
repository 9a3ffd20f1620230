namespace WapListing.Web.Features.Detail;

/// <summary>The action panel open above the tabs: pair with a contact, merge into a ticket, add a QA review.</summary>
public enum DetailPanel
{
    None,
    Pair,
    Ticket,
    Qa,
}
