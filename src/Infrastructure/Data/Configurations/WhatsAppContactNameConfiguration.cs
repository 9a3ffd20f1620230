using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class WhatsAppContactNameConfiguration : IEntityTypeConfiguration<WhatsAppContactName>
{
    public void Configure(EntityTypeBuilder<WhatsAppContactName> builder)
    {
        builder.HasKey(n => n.Folded);
        // The filter's "contains" (LIKE '%…%') over the names.
        builder.HasIndex(n => n.Folded).HasDatabaseName("ix_whats_app_contact_names_folded_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
