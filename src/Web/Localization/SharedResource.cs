namespace WapListing.Web.Localization;

/// <summary>Marker for the shared string resources (Resources/Localization.SharedResource*.resx).</summary>
public sealed class SharedResource;
