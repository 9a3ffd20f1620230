using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasIndex(a => a.InteractionId);
        builder.HasIndex(a => a.UserId);
        builder.Property(a => a.Notes).HasMaxLength(4000);
        builder.HasOne(a => a.User).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Queue).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Contact).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Ticket).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.TicketId);
        builder.HasMany(a => a.QaReviews).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}
