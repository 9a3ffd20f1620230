namespace WapListing.Domain.Entities;

public class InteractionParticipant
{
    public long InteractionId { get; set; }
    public int UserId { get; set; }
}
