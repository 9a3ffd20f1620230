namespace WapListing.Web.Features.Manage.Groups;

/// <summary>User groups (members are users) and queue groups (members are queues): the same pages, two kinds.</summary>
public enum GroupKind
{
    User,
    Queue,
}

public static class GroupKinds
{
    public const int MaxNameLength = 200;

    /// <summary>The path of the kind's pages under <c>/manage</c>.</summary>
    public static string Path(this GroupKind kind) => kind == GroupKind.User ? "user-groups" : "queue-groups";

    public static ManageSection Section(this GroupKind kind) => kind == GroupKind.User ? ManageSection.UserGroups : ManageSection.QueueGroups;

    /// <summary>The audit subject and action prefix (<c>user_group.created</c>, <c>queue_group.deleted</c>…).</summary>
    public static string AuditSubject(this GroupKind kind) => kind == GroupKind.User ? "user_group" : "queue_group";

    /// <summary>The prefix of the kind's own words in the resources (<c>Manage.Groups.User.Title</c>…).</summary>
    public static string Words(this GroupKind kind) => kind == GroupKind.User ? "Manage.Groups.User." : "Manage.Groups.Queue.";
}
