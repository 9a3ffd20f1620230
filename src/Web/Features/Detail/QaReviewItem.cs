namespace WapListing.Web.Features.Detail;

public sealed record QaReviewItem(int Id, string Reviewer, int ReviewerId, DateTimeOffset Time, int Score, string? Comment);
