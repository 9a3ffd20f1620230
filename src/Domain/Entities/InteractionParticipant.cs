namespace WapListing.Domain.Entities;

public class InteractionParticipant
{
    public long InteractionId { get; set; }
    public int UserId { get; set; }

    /// <summary>
    /// The interaction's time, copied by the database (triggers of migration ParticipantTime) and never written by the
    /// app: the rights rule over a time range asks "interactions of user X in this range" from one index.
    /// </summary>
    public DateTimeOffset Time { get; set; }
}
