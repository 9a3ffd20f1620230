namespace WapListing.Web.Features.Manage;

/// <summary>The sections of Manage, in the order of its navigation (Views/Manage/_ManageNav.cshtml).</summary>
public enum ManageSection
{
    Overview,
    Users,
    UserGroups,
    QueueGroups,
    Queues,
    Connectors,
    ApiKeys,
    Inbox,
    Audit,
}
