using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// Pairs an activity with a CRM contact — an existing one, or one created from the dialog (prefilled with the
/// WhatsApp number and profile name). The interaction and its other activities without a contact get it too.
/// </summary>
public sealed class PairContact(WapListingDbContext db)
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 40;
    public const int MaxEmailLength = 200;

    public async Task<ActionOutcome> WithExistingAsync(ViewerRights rights, string activityName, int contactId, CancellationToken cancellationToken)
    {
        var (interaction, activity) = await db.FindVisibleActivityAsync(rights, activityName, cancellationToken);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (interaction is null || activity is null || contact is null)
        {
            return ActionOutcome.NotFound;
        }

        return await PairAsync(interaction, activity, contact, cancellationToken);
    }

    public async Task<ActionOutcome> WithNewAsync(ViewerRights rights, string activityName, string? name, string? phone, string? email, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || phone?.Length > MaxPhoneLength || email?.Length > MaxEmailLength)
        {
            return ActionOutcome.Invalid;
        }

        var (interaction, activity) = await db.FindVisibleActivityAsync(rights, activityName, cancellationToken);
        if (interaction is null || activity is null)
        {
            return ActionOutcome.NotFound;
        }

        var contact = new Contact
        {
            Name = name,
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            PhoneNumbers = string.IsNullOrWhiteSpace(phone) ? [] : [phone.Trim()],
        };
        return await PairAsync(interaction, activity, contact, cancellationToken);
    }

    /// <summary>One save: a new contact is created only when the pairing happens.</summary>
    private async Task<ActionOutcome> PairAsync(Interaction interaction, Activity activity, Contact contact, CancellationToken cancellationToken)
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
