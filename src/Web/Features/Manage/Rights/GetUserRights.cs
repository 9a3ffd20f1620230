using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Time;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Manage.Rights;

/// <summary>
/// The Rights page of a user (tabs Users and Queues), showing the saved selection or, for a preview, the ticked one
/// next to it. Deactivated users and queues are listed only on request, except those chosen, so a save never drops one
/// unseen. Names sorted in the viewer's language. Null when there is no such user.
/// </summary>
public sealed class GetUserRights(WapListingDbContext db, RightsEffects effects, TimeProvider clock)
{
    public async Task<RightsPage?> HandleAsync(int userId, RightsView view, RightsSelection? ticked, RightsNotice? notice, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                Subject = new RightsSubject(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.TimeZoneId, u.IsActive, u.Version),
                u.RightsAllUsers,
                u.RightsAllQueues,
                Grants = u.RightsGrants.Select(g => new { g.UserId, g.UserGroupId, g.QueueId, g.QueueGroupId }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var saved = RightsSelection.Of(
            user.RightsAllUsers, user.RightsAllQueues,
            user.Grants.Select(g => g.UserId).OfType<int>(), user.Grants.Select(g => g.UserGroupId).OfType<int>(),
            user.Grants.Select(g => g.QueueId).OfType<int>(), user.Grants.Select(g => g.QueueGroupId).OfType<int>());
        var shown = ticked ?? saved;
        var zone = ViewerTimeZones.Find(user.Subject.TimeZoneId);

        var users = await db.Users.AsNoTracking()
            .Select(u => new RightsOption(u.Id, u.DisplayName, u.UserName, u.IsActive, null))
            .ToListAsync(cancellationToken);
        var userGroups = await db.UserGroups.AsNoTracking()
            .Select(g => new RightsOption(g.Id, g.Name, null, true, g.Users.Count))
            .ToListAsync(cancellationToken);
        var queues = await db.Queues.AsNoTracking()
            .Select(q => new RightsOption(q.Id, q.Name, q.Connector != null ? q.Connector.Name : null, q.IsActive, null))
            .ToListAsync(cancellationToken);
        var queueGroups = await db.QueueGroups.AsNoTracking()
            .Select(g => new RightsOption(g.Id, g.Name, null, true, g.Queues.Count))
            .ToListAsync(cancellationToken);

        var current = await effects.MeasureAsync(saved, zone, cancellationToken);
        var proposed = shown.SameAs(saved) ? null : await effects.MeasureAsync(shown, zone, cancellationToken);

        return new RightsPage(
            user.Subject, view, saved, shown,
            Listed(users, view, saved.UserIds, shown.UserIds),
            Listed(userGroups, view, saved.UserGroupIds, shown.UserGroupIds),
            Listed(queues, view, saved.QueueIds, shown.QueueIds),
            Listed(queueGroups, view, saved.QueueGroupIds, shown.QueueGroupIds),
            current, proposed, LocalDay.Today(clock, zone), notice);
    }

    private static List<RightsOption> Listed(List<RightsOption> options, RightsView view, IReadOnlyList<int> saved, IReadOnlyList<int> shown)
    {
        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return options
            .Where(o => o.IsActive || view.ShowDeactivated || saved.Contains(o.Id) || shown.Contains(o.Id))
            .OrderBy(o => o.Name, order)
            .ThenBy(o => o.Id)
            .ToList();
    }
}
