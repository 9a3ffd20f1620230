using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class QueueConfiguration : IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Queue> builder)
    {
        builder.Property(q => q.Version).IsRowVersion();
        builder.Property(q => q.Name).HasMaxLength(200);
        builder.Property(q => q.ExternalKey).HasMaxLength(100);
        builder.HasIndex(q => q.ExternalKey).IsUnique();
        builder.HasOne(q => q.Connector).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(q => q.Groups).WithMany(g => g.Queues).UsingEntity("queue_group_members");
    }
}
