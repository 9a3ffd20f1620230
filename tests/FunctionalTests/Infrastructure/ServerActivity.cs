using System.Globalization;
using Npgsql;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>What the PostgreSQL server itself says about a test database, read on a connection of its own.</summary>
public sealed class ServerActivity(string connectionString)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A statement cancelled by the server aborts its transaction, so it counts as a rollback of the database.</summary>
    public Task<long> RollbacksAsync() =>
        ScalarAsync("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()");

    /// <summary>Other sessions' statements running now whose text matches the LIKE pattern.</summary>
    public Task<long> RunningStatementsAsync(string likePattern = "%") =>
        ScalarAsync($"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE '{likePattern.Replace("'", "''", StringComparison.Ordinal)}'");

    /// <summary>Other sessions that are not idle (running, or idle inside a transaction).</summary>
    public Task<long> BusySessionsAsync() =>
        ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'");

    /// <summary>
    /// PostgreSQL 15 flushes a backend's counters to pg_stat_database when it can take the statistics lock without
    /// waiting, and at the latest after 60 s (PGSTAT_MAX_INTERVAL): under a busy test run a counter can lag that long.
    /// </summary>
    private static readonly TimeSpan StatisticsPatience = TimeSpan.FromSeconds(75);

    /// <summary>Polls until the condition holds, at most 30 s.</summary>
    public static Task<bool> EventuallyAsync(Func<Task<bool>> condition) => EventuallyAsync(condition, Patience);

    /// <summary>Polls until a condition on pg_stat_database's counters holds, as long as PostgreSQL may take to flush them.</summary>
    public static Task<bool> EventuallyInStatisticsAsync(Func<Task<bool>> condition) => EventuallyAsync(condition, StatisticsPatience);

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
