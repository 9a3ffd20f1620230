using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>Group names are unique within their kind, whatever the letter case.</summary>
public static class GroupNames
{
    public const string TakenMessage = "Manage.Groups.NameTaken";

    public static Task<bool> IsTakenAsync(WapListingDbContext db, GroupKind kind, string name, int exceptId, CancellationToken cancellationToken)
    {
        var lower = name.ToLower(CultureInfo.InvariantCulture);
        return kind == GroupKind.User
            ? db.UserGroups.AnyAsync(g => g.Id != exceptId && g.Name.ToLower() == lower, cancellationToken)
            : db.QueueGroups.AnyAsync(g => g.Id != exceptId && g.Name.ToLower() == lower, cancellationToken);
    }
}
