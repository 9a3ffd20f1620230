using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>Merges an activity into an existing ticket, or into a new one with the given title.</summary>
public sealed class MergeIntoTicket(WapListingDbContext db)
{
    public const int MaxTitleLength = 200;

    public async Task<(ActionOutcome Outcome, int? TicketId)> HandleAsync(ViewerRights rights, string activityName, int? ticketId, string? newTitle, CancellationToken cancellationToken)
    {
        var (interaction, activity) = await db.FindVisibleActivityAsync(rights, activityName, cancellationToken);
        if (interaction is null || activity is null)
        {
            return (ActionOutcome.NotFound, null);
        }

        Ticket? ticket;
        if (ticketId is { } id)
        {
            ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (ticket is null)
            {
                return (ActionOutcome.NotFound, null);
            }
        }
        else
        {
            newTitle = newTitle?.Trim();
            if (string.IsNullOrEmpty(newTitle) || newTitle.Length > MaxTitleLength)
            {
                return (ActionOutcome.Invalid, null);
            }

            // The database assigns the number from its sequence; saving reads it back into ticket.Number.
            ticket = new Ticket { Title = newTitle, Status = TicketStatus.Open };
            db.Tickets.Add(ticket);
        }

        activity.Ticket = ticket;
        await db.SaveChangesAsync(cancellationToken);
        return (ActionOutcome.Done, ticket.Id);
    }
}
