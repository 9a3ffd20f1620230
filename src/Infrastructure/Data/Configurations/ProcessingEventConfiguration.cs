using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class ProcessingEventConfiguration : IEntityTypeConfiguration<ProcessingEvent>
{
    public void Configure(EntityTypeBuilder<ProcessingEvent> builder)
    {
        builder.HasIndex(e => new { e.InteractionId, e.Time });
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.HasOne(e => e.Queue).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.User).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}
