using System.ComponentModel.DataAnnotations;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Listing;
using WapListing.Web.Identity;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail.Actions;

public sealed record CreateContactRequest : ActivityActionRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(DetailActionLimits.MaxContactNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Detail.ContactName")]
    public string? Name { get; init; }

    [StringLength(DetailActionLimits.MaxPhoneLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Detail.Phone")]
    public string? Phone { get; init; }

    [StringLength(DetailActionLimits.MaxEmailLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Detail.Email")]
    public string? Email { get; init; }
}

/// <summary>
/// Creates a CRM contact from the pairing panel (prefilled with the WhatsApp number and profile name) and pairs the
/// activity with it; the contact is created only when the pairing happens (see <see cref="ContactPairing"/>).
/// </summary>
public sealed class CreateContact(WapListingDbContext db, CurrentViewer viewer)
{
    public async Task<ActionOutcome> HandleAsync(CreateContactRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return ActionOutcome.Invalid;
        }

        var (interaction, activity) = await db.FindVisibleActivityAsync(viewer, request.Activity!, cancellationToken);
        if (interaction is null || activity is null)
        {
            return ActionOutcome.NotFound;
        }

        // Stored as E.164, as the listing's sender filter compares numbers; what cannot be read as one is refused.
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Phone) && (phone = PhoneNumbers.ToE164(request.Phone)) is null)
        {
            return ActionOutcome.BadPhone;
        }

        var contact = new Contact
        {
            Name = name,
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            PhoneNumbers = phone is null ? [] : [phone],
        };
        return await db.PairAsync(interaction, activity, contact, cancellationToken);
    }
}
