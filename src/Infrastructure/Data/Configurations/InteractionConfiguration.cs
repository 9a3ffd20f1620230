using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Search;

namespace WapListing.Infrastructure.Data.Configurations;

public class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(100);
        builder.HasIndex(i => i.Name).IsUnique();
        builder.Property(i => i.CustomerNumber).HasMaxLength(20);
        builder.Property(i => i.WhatsAppContact).HasMaxLength(200);
        builder.Property(i => i.WhatsAppContactFolded).HasComputedColumnSql($"{TextSearch.FoldFunction}(whats_app_contact)", stored: true);
        builder.Property(i => i.CustomerKey).HasMaxLength(120);
        // The customer's open chat on a connector: what a new WhatsApp message is appended to.
        builder.HasIndex(i => new { i.ConnectorId, i.CustomerKey, i.Time }).HasFilter("closed_time IS NULL");
        builder.HasIndex(i => i.ConnectorId);
        // A customer's chats by number: the 24-hour window before writing to them, and the missed chats a message answers.
        builder.HasIndex(i => new { i.CustomerNumber, i.ConnectorId });

        // The default listing: a time range, newest first, optionally within queues.
        builder.HasIndex(i => new { i.Time, i.Id }).IsDescending(true, true);
        builder.HasIndex(i => new { i.QueueId, i.Time });

        // The listing's sortable columns, each with the id that breaks ties and then the time: a sorted page is read from
        // the index in order, and the time range is tested on the index entries (no table read for a row outside it),
        // instead of sorting every row of the range. The text columns sort in the viewer's alphabet, so they have
        // collated expression indexes of their own (migration ListingSortKeys), as do the words of Ended by and Missed.
        builder.HasIndex(i => new { i.WaitTime, i.Id, i.Time });
        builder.HasIndex(i => new { i.Duration, i.Id, i.Time });
        builder.HasIndex(i => new { i.MissedTime, i.Id, i.Time });
        builder.HasIndex(i => new { i.Answered, i.Id, i.Time });

        // Kept by database triggers from the queue, user, contact and connector (migration ListingSortKeys), never by the app.
        foreach (var copy in new[] { nameof(Interaction.QueueName), nameof(Interaction.UserName), nameof(Interaction.ContactName), nameof(Interaction.ConnectorName) })
        {
            var property = builder.Property(copy).HasMaxLength(200).Metadata;
            property.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
            property.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        }

        builder.HasOne(i => i.Queue).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.User).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Connector).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Contact).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Interaction>().WithMany().HasForeignKey(i => i.ContactedBackById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.AnonymizedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => i.UserId);
        // A contact's chats of a time range: the Contact filter asks its few matching contacts' chats of the range from
        // here; with the queue in the entry, a viewer permitted a few queues reads only their rows. The totals' columns
        // ride along, so the totals of tens of thousands of a contact filter's chats are read from the index alone.
        builder.HasIndex(i => new { i.ContactId, i.QueueId, i.Time })
            .IncludeProperties(i => new { i.Answered, i.IsDraft, i.MissedState, i.WaitTime });
        // The same for the WhatsApp contact filter: its few matching names (table whats_app_contact_names) are asked first,
        // then their chats of the range from here, with what the rights rule and the totals read, so mostly from the index
        // alone.
        builder.HasIndex(i => new { i.WhatsAppContactFolded, i.Time })
            .IncludeProperties(i => new { i.QueueId, i.Id, i.Answered, i.IsDraft, i.MissedState, i.WaitTime });
        // Nearly every row has neither: entries only for those that do, so writing a chat costs no entry in these.
        builder.HasIndex(i => i.ContactedBackById).HasFilter("contacted_back_by_id IS NOT NULL");
        builder.HasIndex(i => i.AnonymizedById).HasFilter("anonymized_by_id IS NOT NULL");

        builder.HasMany(i => i.Participants).WithOne().HasForeignKey(p => p.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Activities).WithOne(a => a.Interaction).HasForeignKey(a => a.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Messages).WithOne().HasForeignKey(m => m.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.ProcessingEvents).WithOne().HasForeignKey(e => e.InteractionId).OnDelete(DeleteBehavior.Cascade);
    }
}
