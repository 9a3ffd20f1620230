using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Seeding;

/// <summary>A WhatsApp customer of the demo data, paired with a CRM contact or not.</summary>
internal sealed class DemoCustomer
{
    public required string Number { get; init; }
    public required string ProfileName { get; init; }
    public string? CrmName { get; init; }
    public string? Email { get; init; }
    public bool IsEnglish { get; init; }
    public bool IsHostile { get; init; }
    public Contact? Contact { get; set; }
}
