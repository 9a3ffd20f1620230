namespace WapListing.Web.Features.Detail.Actions;

/// <summary>The lengths the detail's forms accept (the views' <c>maxlength</c> and the requests' validation use the same numbers).</summary>
public static class DetailActionLimits
{
    public const int MaxNameLength = InteractionDetailQuery.MaxNameLength;
    public const int MaxContactNameLength = 200;
    public const int MaxPhoneLength = 40;
    public const int MaxEmailLength = 200;
    public const int MaxTicketTitleLength = 200;
    public const int MaxQaCommentLength = 2000;
}
