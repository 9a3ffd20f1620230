namespace WapListing.Domain.Entities;

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
