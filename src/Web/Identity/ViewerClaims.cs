namespace WapListing.Web.Identity;

public static class ViewerClaims
{
    public const string TimeZone = "waplisting:tz";
    public const string Language = "waplisting:lang";
    public const string DisplayName = "waplisting:name";
}
