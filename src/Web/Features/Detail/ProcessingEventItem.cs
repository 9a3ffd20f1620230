using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Detail;

public sealed record ProcessingEventItem(DateTimeOffset Time, ProcessingEventKind Kind, string? Queue, string? User, string? Detail);
