using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Users;

/// <summary>
/// The last active administrator rule (DESIGN §8). Inside the caller's transaction, the active administrators' rows are
/// locked first (in id order, so two callers never deadlock) and only then counted: a second request that would take
/// away another administrator waits for the first to commit and then counts what is left, so two administrators
/// demoting or deactivating each other at once end with exactly one.
/// </summary>
public static class ActiveAdministrators
{
    public static async Task<IReadOnlyList<int>> LockAsync(WapListingDbContext db, CancellationToken cancellationToken)
    {
        const string administrator = nameof(UserRole.Administrator);
        await db.Database.ExecuteSqlAsync(
            $"SELECT id FROM users WHERE role = {administrator} AND is_active ORDER BY id FOR UPDATE",
            cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Role == UserRole.Administrator && u.IsActive)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="userId"/> is the only active administrator, so it must stay one.</summary>
    public static bool IsTheLast(IReadOnlyList<int> activeAdministrators, int userId) =>
        activeAdministrators.Count == 1 && activeAdministrators[0] == userId;
}
