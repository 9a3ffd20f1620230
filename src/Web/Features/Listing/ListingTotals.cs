namespace WapListing.Web.Features.Listing;

/// <summary>
/// Totals of the filtered set. Counting stops at the cap (10 000 by default): beyond it the count
/// is shown as a bound ("10 000+") and the other totals describe the newest rows up to the cap.
/// <see cref="Rows"/> counts the rows the pages show; drafts (started, nothing sent) are rows but are left out of
/// <see cref="Interactions"/> and of the other totals, as nothing happened in them.
/// </summary>
public sealed record ListingTotals(int Rows, int Interactions, int Answered, int Missed, double? AverageWait, bool IsBound);
