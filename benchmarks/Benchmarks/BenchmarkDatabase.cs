using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.EmbeddedPostgres;
using WapListing.Infrastructure.Seeding;

namespace WapListing.Benchmarks;

/// <summary>A database of its own on the private benchmark cluster: migrated, with the demo data (its users sign in).</summary>
internal static class BenchmarkDatabase
{
    public static async Task<string> EnsureAsync(string root, string database)
    {
        var server = new PrivatePostgresCluster("bench", root, Console.WriteLine).EnsureRunning();
        await using (var admin = new NpgsqlConnection($"{server};Database=postgres"))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{database}'", admin);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        var connectionString = $"{server};Database={database}";
        await using var db = Open(connectionString);
        await db.Database.MigrateAsync();
        await new DemoDataSeeder(db, TimeProvider.System).SeedAsync(refreshIfStale: false);
        return connectionString;
    }

    public static WapListingDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<WapListingDbContext>();
        DatabaseRegistration.Configure(options, connectionString);
        var db = new WapListingDbContext(options.Options);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        return db;
    }
}
