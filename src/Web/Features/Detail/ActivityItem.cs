using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Detail;

public sealed record ActivityItem(
    long Id,
    string Name,
    string? User,
    int? UserId,
    string? Queue,
    ActivityStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt,
    int Duration,
    int FocusTime,
    int FocusInterruptions,
    bool TimeAnomaly,
    int? ContactId,
    string? Contact,
    int? CompanyId,
    string? Company,
    int? TicketId,
    int? TicketNumber,
    string? TicketTitle,
    IReadOnlyList<QaReviewItem> QaReviews);
