using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Manage;

/// <summary>One user with the rights the rule of DESIGN §4 reads: whose rows (users, user groups) and which queues' rows they see.</summary>
public sealed record UserRightsRow(
    int Id,
    string UserName,
    string DisplayName,
    UserRole Role,
    bool IsActive,
    string TimeZoneId,
    string? Language,
    bool AllUsers,
    bool AllQueues,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> UserGroups,
    IReadOnlyList<string> Queues,
    IReadOnlyList<string> QueueGroups);
