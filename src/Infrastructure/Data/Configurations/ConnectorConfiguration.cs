using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class ConnectorConfiguration : IEntityTypeConfiguration<Connector>
{
    public void Configure(EntityTypeBuilder<Connector> builder)
    {
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.PhoneNumber).HasMaxLength(20);
        builder.Property(c => c.ExternalKey).HasMaxLength(100);
        builder.HasIndex(c => c.ExternalKey).IsUnique();
        builder.Property(c => c.WhatsAppPhoneNumberId).HasMaxLength(64);
        builder.HasIndex(c => c.WhatsAppPhoneNumberId).IsUnique();
        builder.Property(c => c.WhatsAppBusinessAccountId).HasMaxLength(64);
        builder.HasOne(c => c.DefaultQueue).WithMany().HasForeignKey(c => c.DefaultQueueId).OnDelete(DeleteBehavior.SetNull);
    }
}
