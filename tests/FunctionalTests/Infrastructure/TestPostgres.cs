using System.Collections.Concurrent;
using Npgsql;
using WapListing.Infrastructure.EmbeddedPostgres;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one named by WAPLISTING_TEST_DB, else a private cluster
/// made from the machine's binaries. Each test class gets its own database cloned from a template
/// that is built once per test run.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(StartServer, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Templates = new();
    private static readonly SemaphoreSlim CreateDatabaseGate = new(1, 1);
    private static bool _startedByUs;

    /// <summary>The private cluster, or null when WAPLISTING_TEST_DB names the server.</summary>
    public static PrivatePostgresCluster? Cluster { get; private set; }

    /// <summary>Connection string to the server without a database.</summary>
    public static string ServerConnectionString => Server.Value;

    public static async Task<string> CreateDatabaseAsync(string templateName, Func<string, Task> buildTemplate)
    {
        var template = $"wl_tpl_{templateName}";
        await Templates.GetOrAdd(template, name => new Lazy<Task>(() => BuildTemplateAsync(name, buildTemplate))).Value;

        var database = $"wl_{Guid.NewGuid():N}"[..20];
        await CreateDatabaseGate.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
        }
        finally
        {
            CreateDatabaseGate.Release();
        }

        return ForDatabase(database);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        ClearPools(connectionString);
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public static string ForDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    private static async Task BuildTemplateAsync(string template, Func<string, Task> build)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{template}\"");
        var connectionString = ForDatabase(template);
        await build(connectionString);
        // CREATE DATABASE ... TEMPLATE needs the template free of sessions.
        ClearPools(connectionString);
    }

    /// <summary>Closes the idle connections to one database: the tests' own pool and the app's (its tuned connection string).</summary>
    private static void ClearPools(string connectionString)
    {
        foreach (var pooled in new[] { connectionString, WapListing.Infrastructure.Data.DatabaseRegistration.Tuned(connectionString) })
        {
            using var connection = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ForDatabase("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string StartServer()
    {
        var configured = Environment.GetEnvironmentVariable("WAPLISTING_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        Cluster = new PrivatePostgresCluster("tests", RepositoryPaths.Root, Console.WriteLine);
        _startedByUs = !Cluster.IsRunning;
        var server = Cluster.EnsureRunning();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (_startedByUs)
            {
                Cluster.Stop();
            }
        };
        return server;
    }
}
