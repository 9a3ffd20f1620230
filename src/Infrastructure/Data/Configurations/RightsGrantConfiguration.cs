using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class RightsGrantConfiguration : IEntityTypeConfiguration<RightsGrant>
{
    public void Configure(EntityTypeBuilder<RightsGrant> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_rights_grants_exactly_one_target",
            "num_nonnulls(user_id, user_group_id, queue_id, queue_group_id) = 1"));
        builder.HasIndex(g => g.ViewerId);
        builder.HasOne<User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserGroup>().WithMany().HasForeignKey(g => g.UserGroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Queue>().WithMany().HasForeignKey(g => g.QueueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<QueueGroup>().WithMany().HasForeignKey(g => g.QueueGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
