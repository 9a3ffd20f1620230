namespace WapListing.Web.Features.Detail;

public sealed record TicketOption(int Id, int Number, string Title);
