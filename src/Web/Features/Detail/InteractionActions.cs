using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Detail;

public enum ActionOutcome
{
    Done,
    NotFound,
    NotApplicable,
    Invalid,
}

/// <summary>
/// What people do from the detail (DESIGN §1, §6): each finds its interaction through the rights rule
/// first, so a foreign or unknown name is simply not found. Access by role is checked by the controller's policies.
/// </summary>
public sealed class InteractionActions(WapListingDbContext db, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    /// <summary>Starts a new outbound chat with the same customer and connector, assigned to the viewer.
    /// A missed interaction (1) it is started from becomes contacted back (NO), linked to the new one.</summary>
    public async Task<(ActionOutcome Outcome, string? NewActivityName)> StartNewActivityAsync(ViewerRights rights, int viewerId, string name, CancellationToken cancellationToken)
    {
        var source = await FindAsync(rights, name, cancellationToken);
        if (source is null)
        {
            return (ActionOutcome.NotFound, null);
        }

        if (source.AnonymizedAt is not null || source.CustomerNumber is null)
        {
            return (ActionOutcome.NotApplicable, null);
        }

        var now = clock.GetUtcNow();
        var activity = new Activity
        {
            Name = NewName(Activity.NamePrefix),
            UserId = viewerId,
            QueueId = source.QueueId,
            Status = ActivityStatus.Open,
            CreatedAt = now,
            OpenedAt = now,
            ContactId = source.ContactId,
        };
        var outbound = new Interaction
        {
            Name = NewName(Interaction.NamePrefix),
            Time = now,
            Direction = InteractionDirection.Out,
            QueueId = source.QueueId,
            UserId = viewerId,
            ConnectorId = source.ConnectorId,
            CustomerNumber = source.CustomerNumber,
            WhatsAppContact = source.WhatsAppContact,
            ContactId = source.ContactId,
            Participants = [new InteractionParticipant { UserId = viewerId }],
            Activities = [activity],
            ProcessingEvents = [new ProcessingEvent { Time = now, Kind = ProcessingEventKind.Accepted, QueueId = source.QueueId, UserId = viewerId, Detail = source.Name }],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Interactions.Add(outbound);
        await db.SaveChangesAsync(cancellationToken);
        if (source.MissedState == MissedState.Shown)
        {
            source.MissedState = MissedState.ContactedBack;
            source.ContactedBackById = outbound.Id;
            db.ProcessingEvents.Add(new ProcessingEvent
            {
                InteractionId = source.Id,
                Time = now,
                Kind = ProcessingEventKind.ContactedBack,
                QueueId = source.QueueId,
                UserId = viewerId,
                Detail = outbound.Name,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (ActionOutcome.Done, activity.Name);
    }

    /// <summary>Missed 1 → 0: no longer shown among missed activities.</summary>
    public async Task<ActionOutcome> RemoveFromMissedAsync(ViewerRights rights, int viewerId, string name, CancellationToken cancellationToken)
    {
        var interaction = await FindAsync(rights, name, cancellationToken);
        if (interaction is null)
        {
            return ActionOutcome.NotFound;
        }

        if (interaction.MissedState != MissedState.Shown)
        {
            return ActionOutcome.NotApplicable;
        }

        interaction.MissedState = MissedState.Removed;
        db.ProcessingEvents.Add(new ProcessingEvent
        {
            InteractionId = interaction.Id,
            Time = clock.GetUtcNow(),
            Kind = ProcessingEventKind.RemovedFromMissed,
            QueueId = interaction.QueueId,
            UserId = viewerId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }

    /// <summary>Pairs the activity, its interaction and the interaction's activities without a contact with a CRM contact.</summary>
    public async Task<ActionOutcome> PairContactAsync(ViewerRights rights, string activityName, int contactId, CancellationToken cancellationToken)
    {
        var (interaction, activity) = await FindActivityAsync(rights, activityName, cancellationToken);
        if (interaction is null || activity is null || !await db.Contacts.AnyAsync(c => c.Id == contactId, cancellationToken))
        {
            return ActionOutcome.NotFound;
        }

        if (interaction.AnonymizedAt is not null)
        {
            return ActionOutcome.NotApplicable;
        }

        interaction.ContactId = contactId;
        activity.ContactId = contactId;
        foreach (var other in interaction.Activities.Where(a => a.ContactId is null))
        {
            other.ContactId = contactId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }

    public async Task<ActionOutcome> CreateAndPairContactAsync(ViewerRights rights, string activityName, string? name, string? phone, string? email, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200 || phone?.Length > 40 || email?.Length > 200)
        {
            return ActionOutcome.Invalid;
        }

        var (interaction, _) = await FindActivityAsync(rights, activityName, cancellationToken);
        if (interaction is null)
        {
            return ActionOutcome.NotFound;
        }

        var contact = new Contact
        {
            Name = name,
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            PhoneNumbers = string.IsNullOrWhiteSpace(phone) ? [] : [phone.Trim()],
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return await PairContactAsync(rights, activityName, contact.Id, cancellationToken);
    }

    /// <summary>Merges the activity into an existing ticket, or a new one with the given title.</summary>
    public async Task<(ActionOutcome Outcome, int? TicketId)> MergeIntoTicketAsync(ViewerRights rights, string activityName, int? ticketId, string? newTitle, CancellationToken cancellationToken)
    {
        var (interaction, activity) = await FindActivityAsync(rights, activityName, cancellationToken);
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
            if (string.IsNullOrEmpty(newTitle) || newTitle.Length > 200)
            {
                return (ActionOutcome.Invalid, null);
            }

            var number = (await db.Tickets.MaxAsync(t => (int?)t.Number, cancellationToken) ?? 1000) + 1;
            ticket = new Ticket { Number = number, Title = newTitle, Status = TicketStatus.Open };
            db.Tickets.Add(ticket);
        }

        activity.Ticket = ticket;
        await db.SaveChangesAsync(cancellationToken);
        return (ActionOutcome.Done, ticket.Id);
    }

    public async Task<ActionOutcome> AddQaReviewAsync(ViewerRights rights, int reviewerId, string activityName, int? score, string? comment, CancellationToken cancellationToken)
    {
        if (score is not (>= 0 and <= 100) || comment?.Length > MaxCommentLength)
        {
            return ActionOutcome.Invalid;
        }

        var (interaction, activity) = await FindActivityAsync(rights, activityName, cancellationToken);
        if (interaction is null || activity is null)
        {
            return ActionOutcome.NotFound;
        }

        db.QaReviews.Add(new QaReview
        {
            ActivityId = activity.Id,
            ReviewerId = reviewerId,
            Time = clock.GetUtcNow(),
            Score = score.Value,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }

    /// <summary>
    /// DESIGN §6: in one transaction, message texts and attachments deleted; customer number, profile name
    /// and CRM link removed from the interaction and its activities; free texts that may quote the customer
    /// (event details, QA comments, notes) cleared; statistics kept; marked with who and when; audited
    /// by id only. Idempotent and irreversible.
    /// </summary>
    public async Task<ActionOutcome> AnonymizeAsync(ViewerRights rights, int viewerId, string name, CancellationToken cancellationToken)
    {
        var interaction = await FindAsync(rights, name, cancellationToken);
        if (interaction is null)
        {
            return ActionOutcome.NotFound;
        }

        if (interaction.AnonymizedAt is not null)
        {
            return ActionOutcome.NotApplicable;
        }

        var id = interaction.Id;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.MessageAttachments.Where(a => db.Messages.Any(m => m.Id == a.MessageId && m.InteractionId == id)).ExecuteDeleteAsync(cancellationToken);
        await db.Messages.Where(m => m.InteractionId == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Text, (string?)null)
            .SetProperty(m => m.AuthorName, m => m.Direction == MessageDirection.CustomerToAgent ? null : m.AuthorName), cancellationToken);
        await db.Activities.Where(a => a.InteractionId == id).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.ContactId, (int?)null)
            .SetProperty(a => a.Notes, (string?)null), cancellationToken);
        await db.QaReviews.Where(r => db.Activities.Any(a => a.Id == r.ActivityId && a.InteractionId == id))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Comment, (string?)null), cancellationToken);
        await db.ProcessingEvents.Where(e => e.InteractionId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Detail, (string?)null), cancellationToken);
        var changed = await db.Interactions.Where(i => i.Id == id && i.AnonymizedAt == null).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.CustomerNumber, (string?)null)
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

    private Task<Interaction?> FindAsync(ViewerRights rights, string name, CancellationToken cancellationToken)
    {
        var key = name.Trim().ToLowerInvariant();
        return db.Interactions.VisibleTo(rights)
            .Where(i => i.Name == key || i.Activities.Any(a => a.Name == key))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<(Interaction? Interaction, Activity? Activity)> FindActivityAsync(ViewerRights rights, string activityName, CancellationToken cancellationToken)
    {
        var key = activityName.Trim().ToLowerInvariant();
        var interaction = await db.Interactions.VisibleTo(rights)
            .Include(i => i.Activities)
            .Where(i => i.Activities.Any(a => a.Name == key))
            .FirstOrDefaultAsync(cancellationToken);
        return (interaction, interaction?.Activities.Single(a => a.Name == key));
    }

    private static string NewName(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(7))[..13];
}
