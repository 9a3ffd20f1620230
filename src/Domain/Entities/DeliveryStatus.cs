namespace WapListing.Domain.Entities;

public enum DeliveryStatus
{
    Sent,
    Delivered,
    Read,
    Failed,
}
