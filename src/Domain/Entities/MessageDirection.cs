namespace WapListing.Domain.Entities;

public enum MessageDirection
{
    CustomerToAgent,
    AgentToCustomer,
    System,
}
