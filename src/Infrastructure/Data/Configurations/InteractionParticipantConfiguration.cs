using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class InteractionParticipantConfiguration : IEntityTypeConfiguration<InteractionParticipant>
{
    public void Configure(EntityTypeBuilder<InteractionParticipant> builder)
    {
        builder.HasKey(p => new { p.InteractionId, p.UserId });
        // The rights rule and the User filter ask "interactions where user X took part".
        builder.HasIndex(p => new { p.UserId, p.InteractionId });
        // The same over a time range (the listing): the permitted users' interactions of the range, read from this index alone.
        builder.HasIndex(p => new { p.UserId, p.Time }).IncludeProperties(p => p.InteractionId);
        builder.Property(p => p.Time).ValueGeneratedOnAddOrUpdate().Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
