using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Authorization;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail;

public sealed record GetQaReviewRequest(int Id);

/// <summary>One QA review on a page of its own, as the detail's QA column links it.</summary>
public sealed record QaReviewPage(
    int Id,
    string InteractionName,
    string ActivityName,
    string? Agent,
    string Reviewer,
    DateTimeOffset Time,
    int Score,
    string? Comment,
    TimeZoneInfo Zone);

/// <summary>
/// A QA review the viewer may read: its interaction is within the viewer's rights, and the viewer either sees all
/// reviews (<see cref="Policies.ViewAllQaReviews"/>) or is the agent of the reviewed activity. Else null (404).
/// </summary>
public sealed class GetQaReview(WapListingDbContext db, CurrentViewer viewer, ViewerAccess access)
{
    public async Task<QaReviewPage?> HandleAsync(GetQaReviewRequest request, CancellationToken cancellationToken)
    {
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var seeAll = await access.SeesAllQaReviewsAsync();
        var viewerId = viewer.UserId;
        var visible = db.Interactions.VisibleTo(rights);
        var zone = viewer.TimeZone;
        var review = await (
                from r in db.QaReviews.AsNoTracking()
                join a in db.Activities on r.ActivityId equals a.Id
                where r.Id == request.Id && (seeAll || a.UserId == viewerId)
                join i in visible on a.InteractionId equals i.Id
                select new
                {
                    r.Id,
                    Interaction = i.Name,
                    Activity = a.Name,
                    Agent = a.User != null ? a.User.DisplayName : null,
                    Reviewer = r.Reviewer!.DisplayName,
                    r.Time,
                    r.Score,
                    r.Comment,
                })
            .FirstOrDefaultAsync(cancellationToken);
        return review is null
            ? null
            : new QaReviewPage(review.Id, review.Interaction, review.Activity, review.Agent, review.Reviewer, review.Time, review.Score, review.Comment, zone);
    }
}
