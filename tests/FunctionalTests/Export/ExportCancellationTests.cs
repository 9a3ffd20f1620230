using System.Net;
using Microsoft.EntityFrameworkCore;
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
    private const string ExportQuery = "%FROM interactions%ORDER BY%";

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

        var response = await client.GetAsync($"/listing/wap/export/download?time=thisyear&format={format}", HttpCompletionOption.ResponseHeadersRead);
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

        var server = new ServerActivity(database.ConnectionString);
        Assert.True(await ServerActivity.EventuallyAsync(async () => await server.RunningStatementsAsync(ExportQuery) == 1), "the export's query should be running while the client reads");
        var rollbacksBefore = await server.RollbacksAsync();

        response.Dispose();
        client.Dispose();

        Assert.True(await ServerActivity.EventuallyInStatisticsAsync(async () => await server.RollbacksAsync() > rollbacksBefore), "the export's query was not cancelled on the server (it was read to its end instead)");
        Assert.True(await ServerActivity.EventuallyAsync(async () => await server.RunningStatementsAsync(ExportQuery) == 0), "the export's query still runs after the client went away");
        Assert.True(await ServerActivity.EventuallyAsync(async () => await server.BusySessionsAsync() == 0), "the app still holds a busy connection after the client went away");
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
}
