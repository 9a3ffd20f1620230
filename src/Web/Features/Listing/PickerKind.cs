namespace WapListing.Web.Features.Listing;

public enum PickerKind
{
    User,
    UserGroup,
    Queue,
    QueueGroup,
    Connector,
}
