using WapListing.Infrastructure.Data;

namespace WapListing.Infrastructure.Seeding;

public sealed class DemoDataSeeder(WapListingDbContext db, TimeProvider clock)
{
    public const string DemoPassword = "Demo123!";
    public Task<DemoSeedResult> SeedAsync(bool refreshIfStale, CancellationToken cancellationToken = default) { _ = db; _ = clock; _ = refreshIfStale; return Task.FromResult(DemoSeedResult.Seeded); }
}
public enum DemoSeedResult { Seeded, Refreshed, AlreadyCurrent, LeftStale }
