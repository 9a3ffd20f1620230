using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Data;

/// <summary>
/// A stream left early must not be disposed by reading the rest of its result: it is cancelled on the server,
/// and the connection is free for the next command straight away.
/// </summary>
public sealed class StreamedQueryCancellationTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_stream_left_early_is_cancelled_on_the_server_and_its_connection_is_free_again()
    {
        await using var db = database.OpenDb();
        var rollbacksBefore = await CountAsync("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()");

        // Two hundred million rows: read to their end on disposal, this would take minutes.
        var huge = db.Database.SqlQuery<long>($"SELECT generate_series(1, 200000000)::bigint AS \"Value\"");
        var seen = new List<long>();
        await foreach (var value in huge.StreamWithServerCancellation())
        {
            seen.Add(value);
            if (seen.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), seen);
        Assert.True(await WaitUntilAsync(async () => await CountAsync("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()") > rollbacksBefore), "the statement was not cancelled on the server");
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'"));
        Assert.Equal(42, await db.Database.SqlQuery<int>($"SELECT 42 AS \"Value\"").SingleAsync());
    }

    [Fact]
    public async Task A_stream_read_to_its_end_yields_every_row()
    {
        await using var db = database.OpenDb();
        var values = new List<long>();
        await foreach (var value in db.Database.SqlQuery<long>($"SELECT generate_series(1, 5000)::bigint AS \"Value\"").StreamWithServerCancellation())
        {
            values.Add(value);
        }

        Assert.Equal(5000, values.Count);
        Assert.Equal(5000L * 5001 / 2, values.Sum());
        Assert.Equal(42, await db.Database.SqlQuery<int>($"SELECT 42 AS \"Value\"").SingleAsync());
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
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
}
