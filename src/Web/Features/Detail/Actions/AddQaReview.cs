using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>A QA review of an activity: score 0–100 and an optional comment; reviewer and time recorded.</summary>
public sealed class AddQaReview(WapListingDbContext db, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;

    public async Task<ActionOutcome> HandleAsync(ViewerRights rights, int reviewerId, string activityName, int? score, string? comment, CancellationToken cancellationToken)
    {
        if (score is not (>= 0 and <= 100) || comment?.Length > MaxCommentLength)
        {
            return ActionOutcome.Invalid;
        }

        var (interaction, activity) = await db.FindVisibleActivityAsync(rights, activityName, cancellationToken);
        if (interaction is null || activity is null)
        {
            return ActionOutcome.NotFound;
        }

        db.QaReviews.Add(new QaReview
        {
            ActivityId = activity.Id,
            ReviewerId = reviewerId,
            Time = clock.GetUtcNow(),
            Score = score.Value,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
