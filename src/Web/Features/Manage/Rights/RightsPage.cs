namespace WapListing.Web.Features.Manage.Rights;

/// <summary>Whose rights the page edits.</summary>
public sealed record RightsSubject(int Id, string UserName, string DisplayName, string TimeZoneId, bool IsActive, uint Version);

/// <summary>One box to tick: a user (login as detail), a queue (its connector), or a group (its member count).</summary>
public sealed record RightsOption(int Id, string Name, string? Detail, bool IsActive, int? Members);

/// <summary>
/// The Rights page: the saved selection, the one the boxes show (saved, or ticked and previewed), the choices of both
/// tabs, and the effective result now and — when the ticked selection differs — with it.
/// </summary>
public sealed record RightsPage(
    RightsSubject User,
    RightsView View,
    RightsSelection Saved,
    RightsSelection Shown,
    IReadOnlyList<RightsOption> Users,
    IReadOnlyList<RightsOption> UserGroups,
    IReadOnlyList<RightsOption> Queues,
    IReadOnlyList<RightsOption> QueueGroups,
    RightsEffect Current,
    RightsEffect? Proposed,
    DateOnly Today,
    RightsNotice? Notice)
{
    public bool IsChanged => Proposed is not null;
}

public enum RightsNotice
{
    Saved,
    Conflict,
    UnknownIds,
}
