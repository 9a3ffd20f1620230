namespace WapListing.Domain.Entities;

public enum TicketStatus
{
    Open,
    Waiting,
    Closed,
}
