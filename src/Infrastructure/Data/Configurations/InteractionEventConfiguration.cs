using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class InteractionEventConfiguration : IEntityTypeConfiguration<InteractionEvent>
{
    public void Configure(EntityTypeBuilder<InteractionEvent> builder)
    {
        builder.Property(e => e.EventId).HasMaxLength(200);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.InteractionId, e.OccurredAt });
        builder.Property(e => e.ActivityName).HasMaxLength(100);
        builder.Property(e => e.Detail).HasColumnType("jsonb");
        builder.HasOne<Interaction>().WithMany().HasForeignKey(e => e.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Queue>().WithMany().HasForeignKey(e => e.QueueId).OnDelete(DeleteBehavior.SetNull);
    }
}
