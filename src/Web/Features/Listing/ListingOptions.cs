using System.ComponentModel.DataAnnotations;

namespace WapListing.Web.Features.Listing;

/// <summary>Settings of the listing (configuration section "Listing").</summary>
public sealed class ListingOptions
{
    public const string Section = "Listing";

    /// <summary>The listing counts up to this many rows exactly; beyond, it shows "10 000+" so huge ranges stay fast.</summary>
    [Range(1, 10_000_000)]
    public int CountCap { get; set; } = 10_000;
}
