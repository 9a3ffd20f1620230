namespace WapListing.Domain.Entities;

public class Company
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

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

public class Ticket
{
    public int Id { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public TicketStatus Status { get; set; }
}

public class QaReview
{
    public int Id { get; set; }
    public long ActivityId { get; set; }
    public int ReviewerId { get; set; }
    public User? Reviewer { get; set; }
    public DateTimeOffset Time { get; set; }
    /// <summary>0–100.</summary>
    public int Score { get; set; }
    public string? Comment { get; set; }
}
