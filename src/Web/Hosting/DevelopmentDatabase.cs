using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.EmbeddedPostgres;
using WapListing.Infrastructure.Seeding;

namespace WapListing.Web.Hosting;

/// <summary>
/// Development only: with no connection string configured, bring up a private PostgreSQL from the
/// machine's binaries, migrate it and keep its demo data dated today. Never part of production startup.
/// </summary>
public static class DevelopmentDatabase
{
    private const string DatabaseName = "waplisting";

    /// <returns>True when the embedded cluster was brought up and the database must be prepared.</returns>
    public static bool UseEmbeddedWhenUnconfigured(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()
            || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DatabaseRegistration.ConnectionStringName)))
        {
            return false;
        }

        var cluster = new PrivatePostgresCluster("dev", builder.Environment.ContentRootPath, Console.WriteLine);
        var server = cluster.EnsureRunning();
        CreateDatabaseIfMissing(server);
        builder.Configuration[$"ConnectionStrings:{DatabaseRegistration.ConnectionStringName}"] = $"{server};Database={DatabaseName}";
        Console.WriteLine($"Embedded PostgreSQL: {cluster.DataDirectory}");
        return true;
    }

    private static void CreateDatabaseIfMissing(string server)
    {
        using var connection = new NpgsqlConnection($"{server};Database=postgres");
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    public static async Task PrepareAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
        await db.Database.ApplyMigrationsAsync();
        var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider);
        var result = await seeder.SeedAsync(refreshIfStale: true);
        Console.WriteLine($"Demo data: {result}.");
        Console.WriteLine($"Demo integration: {await Simulation.DemoIntegration.ApplyAsync(scope.ServiceProvider)}.");
    }
}
