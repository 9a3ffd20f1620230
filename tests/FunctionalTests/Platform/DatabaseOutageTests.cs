using System.Net;
using Npgsql;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;
using WapListing.Infrastructure.EmbeddedPostgres;
using WapListing.Infrastructure.Seeding;

namespace WapListing.FunctionalTests.Platform;

/// <summary>
/// Stops and restarts PostgreSQL under a running app. Uses a cluster of its own, since the shared
/// test cluster serves the other test classes at the same time.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly PrivatePostgresCluster _cluster = new("outage", RepositoryPaths.Root);
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        var server = _cluster.EnsureRunning();
        _connectionString = $"{server};Database=outage";
        await using (var connection = new NpgsqlConnection($"{server};Database=postgres"))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS outage WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE outage", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var db = TestDatabases.Open(_connectionString);
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
        await new DemoDataSeeder(db, TestClock.At(TestClock.DemoNow)).SeedAsync(refreshIfStale: false);
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        _cluster.Stop();
        return Task.CompletedTask;
    }

    [BrowserFact]
    public async Task The_503_page_looks_right_in_the_browser()
    {
        using var app = new WapListingAppFactory(_connectionString);
        var baseUrl = app.StartOnRealPort();
        await using var english = await BrowserSession.OpenAsync(baseUrl, "en-US");
        await english.Page.SignInAsync("manager"); // English user
        await using var czech = await BrowserSession.OpenAsync(baseUrl, "en-US");
        await czech.Page.SignInAsync("supervisor"); // Czech user
        _cluster.Stop();
        try
        {
            var response = await english.Page.GotoAsync("/listing/wap");
            Assert.Equal(503, response?.Status);
            Assert.Contains("temporarily unavailable", await english.Page.InnerTextAsync("[data-testid=database-unavailable]"));
            await english.Page.SaveScreenshotAsync("database-unavailable-en", fullPage: false);

            var czechResponse = await czech.Page.GotoAsync("/listing/wap");
            Assert.Equal(503, czechResponse?.Status);
            Assert.Contains("dočasně nedostupná", await czech.Page.InnerTextAsync("[data-testid=database-unavailable]"));
            Assert.True(await new SiteHeader(czech.Page).ShowsSignOutAsync()); // still signed in, not thrown out
            await czech.Page.SaveScreenshotAsync("database-unavailable-cs", fullPage: false);
        }
        finally
        {
            _cluster.EnsureRunning();
        }
    }

    [Fact]
    public async Task While_the_database_is_down_pages_say_503_in_the_users_language_and_recover_without_restart()
    {
        using var app = new WapListingAppFactory(_connectionString);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor"); // Czech user
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/listing/wap")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        _cluster.Stop();
        try
        {
            var page = await client.GetAsync("/listing/wap");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Služba je dočasně nedostupná", html);
            Assert.DoesNotContain("Exception", html);
            Assert.DoesNotContain("Npgsql", html);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

            var english = app.CreateBrowserLikeClient();
            english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var login = await english.PostLoginAsync("supervisor", HttpSignIn.DemoPassword);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
            Assert.Contains("The service is temporarily unavailable", await login.Content.ReadAsStringAsync());
        }
        finally
        {
            _cluster.EnsureRunning();
        }

        // Pooled connections to the old server are discarded as they fail; the app recovers by itself.
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && recovered != HttpStatusCode.OK; attempt++)
        {
            recovered = (await client.GetAsync("/listing/wap")).StatusCode;
            if (recovered != HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }

        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Contains("Simona Vedoucí", await client.GetStringAsync("/listing/wap"));
    }
}
