namespace WapListing.Domain.Entities;

/// <summary>The listing's Missed column: 1 shown in Missed activities, 0 no longer shown there, NO contacted back.</summary>
public enum MissedState
{
    None,
    Shown,
    Removed,
    ContactedBack,
}
