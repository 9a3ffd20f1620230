using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class DeliveryStatusReportConfiguration : IEntityTypeConfiguration<DeliveryStatusReport>
{
    public void Configure(EntityTypeBuilder<DeliveryStatusReport> builder)
    {
        builder.Property(s => s.WhatsAppMessageId).HasMaxLength(200);
        builder.HasIndex(s => new { s.WhatsAppMessageId, s.Status }).IsUnique();
        builder.Property(s => s.ErrorTitle).HasMaxLength(300);
        builder.Property(s => s.CallbackData).HasMaxLength(512);
        builder.HasIndex(s => s.CallbackData).HasFilter("callback_data IS NOT NULL");
    }
}
