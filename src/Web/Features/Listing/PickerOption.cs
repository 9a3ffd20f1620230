namespace WapListing.Web.Features.Listing;

/// <summary>One entry of a filter picker; a connector also carries its WhatsApp number (what the Sender filter matches).</summary>
public sealed record PickerOption(PickerKind Kind, int Id, string Name, bool IsActive, string? PhoneNumber = null);
