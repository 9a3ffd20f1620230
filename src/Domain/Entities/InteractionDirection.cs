namespace WapListing.Domain.Entities;

public enum InteractionDirection
{
    In,
    Out,
}
