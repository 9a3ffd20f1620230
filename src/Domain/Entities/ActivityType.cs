namespace WapListing.Domain.Entities;

public enum ActivityType
{
    Wap,
}
