namespace WapListing.Domain.Entities;

/// <summary>Who or what ended the interaction (Daktela's values; the demo data has every one of them).</summary>
public enum EndedBy
{
    Customer,
    Agent,
    Timeout,
    NoAgent,
    OutOfHours,
    System,
}
