using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Seeding;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>Fresh databases cloned from templates: an empty migrated one, or one with the demo data.</summary>
public static class TestDatabases
{
    public static Task<string> CreateEmptyAsync() =>
        TestPostgres.CreateDatabaseAsync("empty", async connectionString =>
        {
            await using var db = Open(connectionString);
            await db.Database.MigrateAsync();
        });

    public static Task<string> CreateDemoAsync() =>
        TestPostgres.CreateDatabaseAsync("demo", async connectionString =>
        {
            await using var db = Open(connectionString);
            await db.Database.MigrateAsync();
            await new DemoDataSeeder(db, TestClock.At(TestClock.DemoNow)).SeedAsync(refreshIfStale: false);
        });

    /// <summary>Demo data seeded as if today were the day of <paramref name="now"/> (for DST days and the like).</summary>
    public static Task<string> CreateDemoAtAsync(DateTimeOffset now, string templateName) =>
        TestPostgres.CreateDatabaseAsync(templateName, async connectionString =>
        {
            await using var db = Open(connectionString);
            await db.Database.MigrateAsync();
            await new DemoDataSeeder(db, TestClock.At(now)).SeedAsync(refreshIfStale: false);
        });

    public static WapListingDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<WapListingDbContext>();
        DatabaseRegistration.Configure(options, connectionString);
        return new WapListingDbContext(options.Options);
    }
}

/// <summary>A database of its own for one test class, dropped afterwards.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    protected abstract Task<string> CreateAsync();

    public async Task InitializeAsync() => ConnectionString = await CreateAsync();

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(ConnectionString);

    public WapListingDbContext OpenDb() => TestDatabases.Open(ConnectionString);

    /// <summary>Builders for the rows a test asserts on.</summary>
    public TestData Data => new(ConnectionString);
}

public sealed class EmptyDatabaseFixture : DatabaseFixture
{
    protected override Task<string> CreateAsync() => TestDatabases.CreateEmptyAsync();
}

public sealed class DemoDatabaseFixture : DatabaseFixture
{
    protected override Task<string> CreateAsync() => TestDatabases.CreateDemoAsync();
}

/// <summary>One demo database and one app host over it, shared by all tests of a class.</summary>
public sealed class DemoAppFixture : IAsyncLifetime
{
    private readonly DemoDatabaseFixture _database = new();

    public WapListingAppFactory App { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        App = new WapListingAppFactory(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }

    public WapListing.Infrastructure.Data.WapListingDbContext OpenDb() => _database.OpenDb();

    /// <summary>Builders for the rows a test asserts on.</summary>
    public TestData Data => _database.Data;
}

/// <summary>Opens contexts on a connection string (for tests that hold only the string).</summary>
public sealed record TestDatabasesAccess(string ConnectionString)
{
    public WapListing.Infrastructure.Data.WapListingDbContext Open() => TestDatabases.Open(ConnectionString);
}
