namespace WapListing.Web.Validation;

/// <summary>The 400 page: what in the request was missing or not valid, in the viewer's language.</summary>
public sealed record BadRequestViewModel(IReadOnlyList<string> Messages);
