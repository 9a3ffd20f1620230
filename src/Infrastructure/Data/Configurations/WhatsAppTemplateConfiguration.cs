using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class WhatsAppTemplateConfiguration : IEntityTypeConfiguration<WhatsAppTemplate>
{
    public void Configure(EntityTypeBuilder<WhatsAppTemplate> builder)
    {
        builder.ToTable("whatsapp_templates");
        builder.HasIndex(t => new { t.ConnectorId, t.Name, t.Language }).IsUnique();
        builder.HasOne<Connector>().WithMany().HasForeignKey(t => t.ConnectorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Name).HasMaxLength(512);
        builder.Property(t => t.Language).HasMaxLength(20);
        builder.Property(t => t.Category).HasMaxLength(40);
        builder.Property(t => t.Body).HasMaxLength(2048);
    }
}
