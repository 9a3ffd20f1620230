using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class UserGroupConfiguration : IEntityTypeConfiguration<UserGroup>
{
    public void Configure(EntityTypeBuilder<UserGroup> builder)
    {
        builder.Property(g => g.Version).IsRowVersion();
        builder.Property(g => g.Name).HasMaxLength(200);
    }
}
