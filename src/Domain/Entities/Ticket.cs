namespace WapListing.Domain.Entities;

public class Ticket
{
    public int Id { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public TicketStatus Status { get; set; }
}
