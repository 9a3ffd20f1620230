using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// DESIGN §6: in one transaction, message texts and attachments deleted; customer number, profile name
/// and CRM link removed from the interaction and its activities; free texts that may quote the customer
/// (event details, QA comments, notes, texts and template values of messages sent from the app) cleared; statistics kept; marked with who and when; audited
/// by id only. Idempotent and irreversible.
/// WhatsApp message ids are replaced too: real ones are base64 that contains the customer's number. The replacement
/// <c>anonymized:&lt;message row id&gt;</c> holds nothing of the original (not even a hash of it, which could be
/// checked against a guessed number), stays unique, so the unique index keeps deduplicating future ingestion, and keeps
/// the column non-null. Tickets are left alone: a ticket can hold activities of several interactions (erasing a
/// person everywhere, tickets and CRM included, is a later capability); the activities keep only its id.
/// </summary>
public sealed class AnonymizeInteraction(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    /// <summary>What an anonymized message's WhatsApp id becomes, followed by the message's row id.</summary>
    public const string AnonymizedMessageIdPrefix = "anonymized:";

    public async Task<ActionOutcome> HandleAsync(InteractionActionRequest request, CancellationToken cancellationToken)
    {
        var interaction = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
        if (interaction is null)
        {
            return ActionOutcome.NotFound;
        }

        if (interaction.AnonymizedAt is not null)
        {
            return ActionOutcome.NotApplicable;
        }

        var id = interaction.Id;
        var viewerId = viewer.UserId;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MessageAttachments.Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.InteractionId == id)).ExecuteDeleteAsync(cancellationToken);
        await db.Messages.Where(m => m.InteractionId == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Text, (string?)null)
            .SetProperty(m => m.WhatsAppMessageId, m => AnonymizedMessageIdPrefix + m.Id.ToString())
            .SetProperty(m => m.AuthorName, m => m.Direction == MessageDirection.CustomerToAgent ? null : m.AuthorName), cancellationToken);
        await db.Activities.Where(a => a.InteractionId == id).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.ContactId, (int?)null)
            .SetProperty(a => a.Notes, (string?)null), cancellationToken);
        await db.QaReviews.Where(r => db.Activities.Any(a => a.Id == r.ActivityId && a.InteractionId == id))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Comment, (string?)null), cancellationToken);
        await db.ProcessingEvents.Where(e => e.InteractionId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Detail, (string?)null), cancellationToken);
        await db.OutboundSends.Where(s => s.InteractionId == id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Text, (string?)null)
            .SetProperty(s => s.TemplateParameters, new List<string>())
            .SetProperty(s => s.WhatsAppMessageId, (string?)null)
            .SetProperty(s => s.ErrorTitle, (string?)null), cancellationToken);
        var changed = await db.Interactions.Where(i => i.Id == id && i.AnonymizedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.CustomerNumber, (string?)null)
            .SetProperty(i => i.CustomerKey, (string?)null)
            .SetProperty(i => i.WhatsAppContact, (string?)null)
            .SetProperty(i => i.ContactId, (int?)null)
            .SetProperty(i => i.AnonymizedAt, now)
            .SetProperty(i => i.AnonymizedById, viewerId), cancellationToken);
        if (changed == 0)
        {
            // Someone else anonymized it meanwhile.
            await transaction.RollbackAsync(cancellationToken);
            return ActionOutcome.NotApplicable;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            Time = now,
            UserId = viewerId,
            Action = "interaction.anonymized",
            Detail = JsonSerializer.Serialize(new { interactionId = id }),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
