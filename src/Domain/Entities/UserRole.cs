namespace WapListing.Domain.Entities;

public enum UserRole
{
    Agent,
    Manager,
    Supervisor,
    Administrator,
}
