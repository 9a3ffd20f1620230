using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// Discards a draft (started with <see cref="StartNewActivity"/>, nothing sent): the chat is deleted with its activities,
/// events and participants, as if it had never been started. A chat holding messages is no draft to discard. Answers
/// with the chat the draft was started from, when the viewer sees it, to go back to.
/// </summary>
public sealed class DiscardDraft(WapListingDbContext db, CurrentViewer viewer)
{
    public async Task<(ActionOutcome Outcome, string? StartedFrom)> HandleAsync(InteractionActionRequest request, CancellationToken cancellationToken)
    {
        var interaction = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
        if (interaction is null)
        {
            return (ActionOutcome.NotFound, null);
        }

        var id = interaction.Id;
        var startedFrom = await db.ProcessingEvents
            .Where(e => e.InteractionId == id && e.Kind == ProcessingEventKind.DraftStarted)
            .Select(e => e.Detail)
            .FirstOrDefaultAsync(cancellationToken);
        var deleted = await db.Interactions
            .Where(i => i.Id == id && i.IsDraft && !i.Messages.Any())
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return (ActionOutcome.NotApplicable, null);
        }

        var source = startedFrom is null ? null : await db.FindVisibleInteractionAsync(viewer, startedFrom, cancellationToken);
        return (ActionOutcome.Done, source?.Name);
    }
}
