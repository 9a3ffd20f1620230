using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class WebhookInboxItemConfiguration : IEntityTypeConfiguration<WebhookInboxItem>
{
    public void Configure(EntityTypeBuilder<WebhookInboxItem> builder)
    {
        builder.ToTable("webhook_inbox");
        // What the workers claim next: only rows still waiting.
        builder.HasIndex(i => new { i.NextAttemptAt, i.Id }).HasFilter("processed_at IS NULL AND parked_at IS NULL");
        builder.HasIndex(i => i.ParkedAt).HasFilter("parked_at IS NOT NULL");
        // What the retention purge deletes: processed bodies, oldest first.
        builder.HasIndex(i => i.ReceivedAt).HasFilter("processed_at IS NOT NULL");
        builder.Property(i => i.LastError).HasMaxLength(2000);
    }
}
