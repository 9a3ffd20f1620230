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

    /// <summary>
    /// Loads pg_stat_statements into the benchmark cluster (a restart, once) and installs it in the database, so a
    /// benchmark can read the server's own execution time of the statements the app sent.
    /// </summary>
    public static async Task EnableStatementStatisticsAsync(string root, string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var show = new NpgsqlCommand("SHOW shared_preload_libraries", connection);
            if (((string?)await show.ExecuteScalarAsync())?.Contains("pg_stat_statements", StringComparison.Ordinal) == true)
            {
                // Planning is the server's time too: with every run planned for its values (plan_cache_mode), it is part of a page's SQL time.
                foreach (var sql in new[] { "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", "ALTER SYSTEM SET pg_stat_statements.track_planning = on", "SELECT pg_reload_conf()" })
                {
                    await using var command = new NpgsqlCommand(sql, connection);
                    await command.ExecuteNonQueryAsync();
                }

                return;
            }

            await using var set = new NpgsqlCommand("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", connection);
            await set.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        var cluster = new PrivatePostgresCluster("bench", root, Console.WriteLine);
        cluster.Stop();
        cluster.EnsureRunning();
        await EnableStatementStatisticsAsync(root, connectionString);
    }

    /// <summary>The server's time on this database's statements since the last reset, in ms (execution, then planning), and how many ran.</summary>
    public static async Task<(double ExecutionMilliseconds, double PlanningMilliseconds, long Calls)> StatementTimeSinceResetAsync(string connectionString, bool reset)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("""
            SELECT coalesce(sum(total_exec_time), 0)::float8, coalesce(sum(total_plan_time), 0)::float8, coalesce(sum(calls), 0)::int8
              FROM pg_stat_statements
             WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND query NOT ILIKE '%pg_stat_statements%'
            """, connection);
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        var result = (reader.GetDouble(0), reader.GetDouble(1), reader.GetInt64(2));
        await reader.CloseAsync();
        if (reset)
        {
            await using var command = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
            await command.ExecuteNonQueryAsync();
        }

        return result;
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
