using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail.Actions;

public sealed record MergeIntoTicketRequest : ActivityActionRequest
{
    /// <summary>An existing ticket; without it, a new ticket titled <see cref="Title"/>.</summary>
    public int? TicketId { get; init; }

    [StringLength(DetailActionLimits.MaxTicketTitleLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Detail.NewTicket")]
    public string? Title { get; init; }
}

/// <summary>Merges an activity into an existing ticket, or into a new one with the given title.</summary>
public sealed class MergeIntoTicket(WapListingDbContext db, CurrentViewer viewer)
{
    public async Task<ActionOutcome> HandleAsync(MergeIntoTicketRequest request, CancellationToken cancellationToken)
    {
        var (interaction, activity) = await db.FindVisibleActivityAsync(viewer, request.Activity!, cancellationToken);
        if (interaction is null || activity is null)
        {
            return ActionOutcome.NotFound;
        }

        Ticket? ticket;
        if (request.TicketId is { } id)
        {
            ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (ticket is null)
            {
                return ActionOutcome.NotFound;
            }
        }
        else
        {
            var newTitle = request.Title?.Trim();
            if (string.IsNullOrEmpty(newTitle))
            {
                return ActionOutcome.Invalid;
            }

            // The database assigns the number from its sequence; saving reads it back into ticket.Number.
            ticket = new Ticket { Title = newTitle, Status = TicketStatus.Open };
            db.Tickets.Add(ticket);
        }

        activity.Ticket = ticket;
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
