namespace WapListing.Web.Features.Detail.Actions;

public enum ActionOutcome
{
    Done,
    NotFound,
    NotApplicable,
    Invalid,

    /// <summary>A phone number that cannot be read as E.164.</summary>
    BadPhone,
}
