namespace WapListing.Web.Features.Detail.Actions;

public enum ActionOutcome
{
    Done,
    NotFound,
    NotApplicable,
    Invalid,
}
