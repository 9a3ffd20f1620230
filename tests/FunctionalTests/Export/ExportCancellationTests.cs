using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Export;

/// <summary>
/// A client that goes away in the middle of a large export: the app must cancel the streaming query on the
/// server and give its connection back, instead of reading the rest of the result into the void.
/// </summary>
public sealed class ExportCancellationTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>
{
    private const int ExtraRows = 300_000;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_client_that_disconnects_mid_export_cancels_the_query_and_frees_its_connection(string format)
    {
        await EnsureManyRowsAsync();
        await using var app = new WapListingAppFactory(database.ConnectionString);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(app.StartOnRealPort()),
        };
        await client.SignInAsync("admin");

        var response = await client.GetAsync($"/listing/wap/export/download?time=thisyear&format={format}&column=Name&column=WhatsAppContact", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read));
            Assert.True(n > 0, "the export ended before the test could disconnect; it needs more rows");
            read += n;
        }

        Assert.True(await WaitUntilAsync(async () => await ExportQueriesRunningAsync() == 1), "the export's query should be running while the client reads");
        var cancelledBefore = await CancelledStatementsAsync();

        response.Dispose();
        client.Dispose();

        Assert.True(await WaitUntilAsync(async () => await CancelledStatementsAsync() > cancelledBefore), "the export's query was not cancelled on the server (it was read to its end instead)");
        Assert.True(await WaitUntilAsync(async () => await ExportQueriesRunningAsync() == 0), "the export's query still runs after the client went away");
        Assert.True(await WaitUntilAsync(async () => await BusyAppConnectionsAsync() == 0), "the app still holds a busy connection after the client went away");
    }

    private async Task EnsureManyRowsAsync()
    {
        await using var db = database.OpenDb();
        if (await db.Interactions.AnyAsync(i => i.Name.StartsWith("wap_bulk_")))
        {
            return;
        }

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO interactions (name, time, direction, queue_id, connector_id, customer_number, whats_app_contact,
                                      answered, wait_time, duration, talk_time, missed_state)
            SELECT 'wap_bulk_' || g, TIMESTAMPTZ '2026-02-01 00:00:00+00' + g * INTERVAL '1 second', 'In',
                   q.id, q.connector_id, '+420' || (600000000 + g), 'Zákazník Dvořák ' || g,
                   TRUE, g % 300, 60 + g % 3000, g % 2000, 'None'
              FROM generate_series(1, {ExtraRows}) g
             CROSS JOIN (SELECT id, connector_id FROM queues ORDER BY id LIMIT 1) q
            """);
        await db.Database.ExecuteSqlRawAsync("ANALYZE interactions");
    }

    private Task<long> ExportQueriesRunningAsync() => CountAsync(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE '%FROM interactions%ORDER BY%'");

    /// <summary>A statement cancelled by the server aborts its transaction, so it shows as a rollback of the database.</summary>
    private Task<long> CancelledStatementsAsync() => CountAsync(
        "SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()");

    private Task<long> BusyAppConnectionsAsync() => CountAsync(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle')");

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
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
