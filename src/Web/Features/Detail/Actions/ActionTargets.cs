using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// How every detail action finds what it acts on: through the rights rule first, so a foreign or unknown
/// name is simply not found. Access by role is checked by the controller's policies.
/// </summary>
internal static class ActionTargets
{
    /// <summary>The interaction named by its own name or by one of its activities' names.</summary>
    public static async Task<Interaction?> FindVisibleInteractionAsync(this WapListingDbContext db, CurrentViewer viewer, string name, CancellationToken cancellationToken)
    {
        var key = name.Trim().ToLowerInvariant();
        return await db.Interactions.VisibleTo(await viewer.GetRightsAsync(cancellationToken))
            .Where(i => i.Name == key || i.Activities.Any(a => a.Name == key))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The activity of that name with its interaction (and the interaction's other activities).</summary>
    public static async Task<(Interaction? Interaction, Activity? Activity)> FindVisibleActivityAsync(this WapListingDbContext db, CurrentViewer viewer, string activityName, CancellationToken cancellationToken)
    {
        var key = activityName.Trim().ToLowerInvariant();
        var interaction = await db.Interactions.VisibleTo(await viewer.GetRightsAsync(cancellationToken))
            .Include(i => i.Activities)
            .Where(i => i.Activities.Any(a => a.Name == key))
            .FirstOrDefaultAsync(cancellationToken);
        return (interaction, interaction?.Activities.Single(a => a.Name == key));
    }
}
