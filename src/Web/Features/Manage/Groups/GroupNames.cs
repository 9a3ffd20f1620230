using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>Group names are unique within their kind, whatever the letter case (Š and š alike, whatever the database's locale).</summary>
public static class GroupNames
{
    public const string TakenMessage = "Manage.Groups.NameTaken";

    public static async Task<bool> IsTakenAsync(WapListingDbContext db, GroupKind kind, string name, int exceptId, CancellationToken cancellationToken)
    {
        var names = kind == GroupKind.User
            ? db.UserGroups.Where(g => g.Id != exceptId).Select(g => g.Name)
            : db.QueueGroups.Where(g => g.Id != exceptId).Select(g => g.Name);
        return (await names.ToListAsync(cancellationToken)).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
