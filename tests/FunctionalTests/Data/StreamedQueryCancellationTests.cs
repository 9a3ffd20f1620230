using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Data;

/// <summary>
/// A stream left early must not be disposed by reading the rest of its result: it is cancelled on the server,
/// and the connection is free for the next command straight away.
/// </summary>
public sealed class StreamedQueryCancellationTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>
{
    private ServerActivity Server => new(database.ConnectionString);

    [Fact]
    public async Task A_stream_left_early_is_cancelled_on_the_server_and_its_connection_is_free_again()
    {
        await using var db = database.OpenDb();
        var rollbacksBefore = await Server.RollbacksAsync();

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
        Assert.True(await ServerActivity.EventuallyInStatisticsAsync(async () => await Server.RollbacksAsync() > rollbacksBefore), "the statement was not cancelled on the server");
        Assert.Equal(0, await Server.RunningStatementsAsync());
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
}
