using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Version).IsRowVersion();
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(16);
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.Property(k => k.Scopes).HasConversion<int>();
        builder.HasOne(k => k.User).WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
