using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail.Actions;

public sealed record PairContactRequest : ActivityActionRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [Display(Name = "Column.Contact")]
    public int? ContactId { get; init; }
}

/// <summary>Pairs an activity with an existing CRM contact (see <see cref="ContactPairing"/>).</summary>
public sealed class PairContact(WapListingDbContext db, CurrentViewer viewer)
{
    public async Task<ActionOutcome> HandleAsync(PairContactRequest request, CancellationToken cancellationToken)
    {
        var (interaction, activity) = await db.FindVisibleActivityAsync(viewer, request.Activity!, cancellationToken);
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == request.ContactId, cancellationToken);
        if (interaction is null || activity is null || contact is null)
        {
            return ActionOutcome.NotFound;
        }

        return await db.PairAsync(interaction, activity, contact, cancellationToken);
    }
}
