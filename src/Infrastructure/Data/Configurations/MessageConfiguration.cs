using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.WhatsAppMessageId).HasMaxLength(200);
        builder.HasIndex(m => m.WhatsAppMessageId).IsUnique();
        builder.HasIndex(m => new { m.InteractionId, m.Time });
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Property(m => m.DeliveryErrorTitle).HasMaxLength(300);
        builder.Property(m => m.PendingMediaId).HasMaxLength(200);
        builder.HasIndex(m => m.PendingMediaId).HasFilter("pending_media_id IS NOT NULL");
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
