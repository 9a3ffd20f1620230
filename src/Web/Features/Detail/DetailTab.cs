namespace WapListing.Web.Features.Detail;

public enum DetailTab
{
    Wap,
    Activity,
}
