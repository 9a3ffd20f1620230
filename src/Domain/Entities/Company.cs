namespace WapListing.Domain.Entities;

public class Company
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
