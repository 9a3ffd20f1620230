namespace WapListing.Web.Features.Listing;

public sealed record PickerOption(PickerKind Kind, int Id, string Name, bool IsActive);
