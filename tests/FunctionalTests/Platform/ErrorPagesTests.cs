using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Platform;

/// <summary>
/// Database failures that mean "the server is away" give the localized 503 page; every other failure the
/// generic 500 page. Neither shows exception details. (The real stop and restart is in DatabaseOutageTests.)
/// </summary>
public sealed class ErrorPagesTests : IClassFixture<DemoDatabaseFixture>, IDisposable
{
    private const string ListingSql = "FROM interactions";
    private const string UserLookupSql = "FROM users";
    private const string SecretDetail = "SECRET-DETAIL-42";

    private readonly FailingCommands _failing = new();
    private readonly WapListingAppFactory _factory;
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _app;

    public ErrorPagesTests(DemoDatabaseFixture database)
    {
        _factory = new WapListingAppFactory(database.ConnectionString);
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<WapListingDbContext>(options => options.AddInterceptors(_failing))));
    }

    public void Dispose()
    {
        _app.Dispose();
        _factory.Dispose();
    }

    public static TheoryData<string, string> OutageFailures => new()
    {
        { "57P01", "cs" }, // terminating connection due to administrator command
        { "57P03", "en" }, // the database system is starting up
        { "08006", "cs" }, // connection failure
        { "socket", "en" }, // the server's port refuses connections
    };

    [Theory]
    [MemberData(nameof(OutageFailures))]
    public async Task A_database_that_went_away_gives_the_503_page_in_the_users_language(string failure, string language)
    {
        var client = await SignedInClientAsync(language == "cs" ? "supervisor" : "manager");
        _failing.FailWith(ListingSql, () => Outage(failure));

        var response = await client.GetAsync("/listing/wap?time=today");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(language == "cs" ? "Služba je dočasně nedostupná" : "The service is temporarily unavailable", html);
        Assert.Contains("href=\"/listing/wap?time=today\"", html); // "Try again" returns to the same page
        AssertNoDetails(html);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_per_request_user_lookup_failing_gives_the_503_page_and_keeps_the_user_signed_in()
    {
        var client = await SignedInClientAsync("supervisor");
        _failing.FailWith(UserLookupSql, () => Outage("57P03"));

        var response = await client.GetAsync("/listing/wap");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        AssertNoDetails(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("waplisting.auth=;", StringComparison.Ordinal));

        _failing.Heal();
        var recovered = await client.GetAsync("/listing/wap");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Contains("Simona Vedoucí", await recovered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Other_failures_give_the_generic_error_page_without_details()
    {
        var client = await SignedInClientAsync("supervisor");
        _failing.FailWith(ListingSql, () => new InvalidOperationException(SecretDetail));

        var response = await client.GetAsync("/listing/wap");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Něco se pokazilo", html);
        AssertNoDetails(html);
    }

    [Fact]
    public async Task A_query_error_reported_by_a_running_server_is_not_taken_for_an_outage()
    {
        var client = await SignedInClientAsync("manager");
        _failing.FailWith(ListingSql, () => new PostgresException(SecretDetail, "ERROR", "ERROR", "42P01"));

        var response = await client.GetAsync("/listing/wap");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        AssertNoDetails(html);
    }

    [Theory]
    [InlineData("outage", HttpStatusCode.ServiceUnavailable)]
    [InlineData("bug", HttpStatusCode.InternalServerError)]
    public async Task A_client_asking_for_json_gets_problem_details_with_the_same_status_as_the_page(string failure, HttpStatusCode expected)
    {
        var client = await SignedInClientAsync("manager");
        _failing.FailWith(ListingSql, () => failure == "outage" ? Outage("57P01") : new InvalidOperationException(SecretDetail));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/listing/wap");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(expected == HttpStatusCode.ServiceUnavailable ? TimeSpan.FromSeconds(30) : null, response.Headers.RetryAfter?.Delta);
        AssertNoDetails(problem.RootElement.GetRawText());
    }

    private async Task<HttpClient> SignedInClientAsync(string userName)
    {
        _failing.Heal();
        var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(userName);
        return client;
    }

    private static Exception Outage(string kind) => kind == "socket"
        ? new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))
        : new PostgresException("server is going away", "FATAL", "FATAL", kind);

    private static void AssertNoDetails(string html)
    {
        Assert.DoesNotContain(SecretDetail, html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("Npgsql", html);
        Assert.DoesNotContain(" at WapListing", html);
    }
}
