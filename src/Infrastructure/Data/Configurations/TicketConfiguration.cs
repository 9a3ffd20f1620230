using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Data.Configurations;

public class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    /// <summary>The sequence the database draws new ticket numbers from, so concurrent inserts never share one.</summary>
    public const string NumberSequence = "ticket_numbers";

    /// <summary>The number the first ticket of an empty database gets.</summary>
    public const int FirstNumber = 1001;

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        var sequence = builder.Metadata.Model.AddSequence(NumberSequence);
        sequence.Type = typeof(int);
        sequence.StartValue = FirstNumber;

        builder.Property(t => t.Title).HasMaxLength(300);
        // A ticket added with Number 0 gets the sequence's next value (read back on insert).
        builder.Property(t => t.Number).HasDefaultValueSql($"nextval('{NumberSequence}')");
        builder.HasIndex(t => t.Number).IsUnique();
    }
}
