using System.ComponentModel.DataAnnotations;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail.Actions;

public sealed record AddQaReviewRequest : ActivityActionRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [Range(0, 100, ErrorMessage = ValidationMessages.OutOfRange)]
    [Display(Name = "Detail.Score")]
    public int? Score { get; init; }

    [StringLength(DetailActionLimits.MaxQaCommentLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Detail.Comment")]
    public string? Comment { get; init; }
}

/// <summary>A QA review of an activity: score 0–100 and an optional comment; reviewer and time recorded.</summary>
public sealed class AddQaReview(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    public async Task<ActionOutcome> HandleAsync(AddQaReviewRequest request, CancellationToken cancellationToken)
    {
        var (interaction, activity) = await db.FindVisibleActivityAsync(viewer, request.Activity!, cancellationToken);
        if (interaction is null || activity is null)
        {
            return ActionOutcome.NotFound;
        }

        db.QaReviews.Add(new QaReview
        {
            ActivityId = activity.Id,
            ReviewerId = viewer.UserId,
            Time = clock.GetUtcNow(),
            Score = request.Score!.Value,
            Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ActionOutcome.Done;
    }
}
