namespace WapListing.Domain.Entities;

public class Contact
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? CompanyId { get; set; }
    public Company? Company { get; set; }
    /// <summary>E.164 numbers.</summary>
    public List<string> PhoneNumbers { get; set; } = [];
    public string? Email { get; set; }
}
