using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// DESIGN §6: pairing sets the contact of the activity, of its interaction, and of the interaction's other activities
/// that have none — in one save. An anonymized interaction is never paired again.
/// </summary>
internal static class ContactPairing
{
    public static async Task<ActionOutcome> PairAsync(this WapListingDbContext db, Interaction interaction, Activity activity, Contact contact, CancellationToken cancellationToken)
    {
        if (interaction.AnonymizedAt is not null)
        {
            return ActionOutcome.NotApplicable;
        }

        interaction.Contact = contact;
        activity.Contact = contact;
        foreach (var other in interaction.Activities.Where(a => a.ContactId is null))
        {
            other.Contact = contact;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
