using WapListing.Domain.Entities;

namespace WapListing.Infrastructure.Seeding;

/// <summary>What the interaction generator needs of the reference data.</summary>
internal sealed record DemoReferenceData(
    IReadOnlyList<Queue> Queues,
    IReadOnlyList<Connector> Connectors,
    IReadOnlyList<UserGroup> Teams,
    IReadOnlyList<User> Reviewers,
    IReadOnlyList<DemoCustomer> Customers,
    User DemoAgent);
