using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Detail).HasColumnType("jsonb");
        builder.HasIndex(a => a.Time);
        builder.HasIndex(a => new { a.UserId, a.Time });
        builder.HasIndex(a => new { a.Action, a.Time });
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
