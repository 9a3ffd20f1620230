namespace WapListing.Web.Features.Detail;

public sealed record ContactOption(int Id, string Name, string? Email, IReadOnlyList<string> PhoneNumbers, string? Company);
