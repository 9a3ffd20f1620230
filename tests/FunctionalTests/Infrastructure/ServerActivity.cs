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

    /// <summary>Polls until the condition holds (statistics reach pg_stat_database with a delay), at most 30 s.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
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
