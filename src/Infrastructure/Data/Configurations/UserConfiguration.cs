using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Version).IsRowVersion();
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.TimeZoneId).HasMaxLength(64);
        builder.Property(u => u.Language).HasMaxLength(10);
        builder.Property(u => u.ExternalKey).HasMaxLength(100);
        builder.HasIndex(u => u.ExternalKey).IsUnique();
        builder.HasMany(u => u.Groups).WithMany(g => g.Users).UsingEntity("user_group_members");
        builder.HasMany(u => u.RightsGrants).WithOne().HasForeignKey(g => g.ViewerId).OnDelete(DeleteBehavior.Cascade);
    }
}
