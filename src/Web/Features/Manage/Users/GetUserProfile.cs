using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Users;

/// <summary>The profile tab of one user: the form with the stored values and the record's version, and the active state.</summary>
public sealed record UserProfile(int Id, string DisplayName, bool IsActive, UpdateUserRequest Form);

public sealed class GetUserProfile(WapListingDbContext db)
{
    public async Task<UserProfile?> HandleAsync(int id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new UserProfile(u.Id, u.DisplayName, u.IsActive, new UpdateUserRequest
            {
                Id = u.Id,
                Version = u.Version,
                UserName = u.UserName,
                DisplayName = u.DisplayName,
                Role = u.Role,
                TimeZoneId = u.TimeZoneId,
                Language = u.Language,
            }))
            .SingleOrDefaultAsync(cancellationToken);
}
