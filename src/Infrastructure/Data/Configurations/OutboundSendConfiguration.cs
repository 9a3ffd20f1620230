using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class OutboundSendConfiguration : IEntityTypeConfiguration<OutboundSend>
{
    public void Configure(EntityTypeBuilder<OutboundSend> builder)
    {
        builder.HasIndex(s => s.ClientKey).IsUnique();
        builder.HasIndex(s => new { s.InteractionId, s.CreatedAt });
        // What the recovery looks at: sends whose answer is missing or came late.
        builder.HasIndex(s => s.CreatedAt).HasFilter("state IN ('Pending', 'Unconfirmed')");
        builder.HasOne<Interaction>().WithMany().HasForeignKey(s => s.InteractionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Connector>().WithMany().HasForeignKey(s => s.ConnectorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Text).HasMaxLength(8192);
        builder.Property(s => s.TemplateName).HasMaxLength(512);
        builder.Property(s => s.TemplateLanguage).HasMaxLength(20);
        builder.Property(s => s.WhatsAppMessageId).HasMaxLength(200);
        builder.Property(s => s.Problem).HasMaxLength(40);
        builder.Property(s => s.ErrorTitle).HasMaxLength(300);
    }
}
