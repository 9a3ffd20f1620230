namespace WapListing.Infrastructure.Seeding;

/// <summary>What <see cref="DemoDataSeeder.SeedAsync"/> did.</summary>
public enum DemoSeedResult
{
    Seeded,
    Refreshed,
    AlreadyCurrent,
    LeftStale,
}
