using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>The lines of users' rights that name a group: through them its members decide what those users see.</summary>
public static class GroupGrants
{
    public static IQueryable<RightsGrant> Of(WapListingDbContext db, GroupKind kind, int groupId) =>
        kind == GroupKind.User
            ? db.RightsGrants.Where(g => g.UserGroupId == groupId)
            : db.RightsGrants.Where(g => g.QueueGroupId == groupId);
}
