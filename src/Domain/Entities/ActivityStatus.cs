namespace WapListing.Domain.Entities;

public enum ActivityStatus
{
    Open,
    Wait,
    Postpone,
    Close,
}
