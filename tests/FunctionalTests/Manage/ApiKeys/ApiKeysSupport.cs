using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Web.Api;
using WapListing.Web.Authorization;
using WapListing.Web.Identity;

namespace WapListing.FunctionalTests.Manage.ApiKeys;

/// <summary>
/// The app with two test-only API endpoints (this assembly's <see cref="ScopeProbeController"/>), one per scope
/// policy, so the policies are proven before the real read and ingest APIs exist.
/// </summary>
public sealed class ApiKeysAppFactory(string connectionString) : WapListingAppFactory(connectionString)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddControllers().AddApplicationPart(typeof(ScopeProbeController).Assembly));
    }
}

/// <summary>A demo database and an <see cref="ApiKeysAppFactory"/> over it, shared by the tests of a class.</summary>
public sealed class ApiKeysAppFixture : IAsyncLifetime
{
    private readonly DemoDatabaseFixture _database = new();

    public ApiKeysAppFactory App { get; private set; } = null!;

    public TestData Data => _database.Data;

    public string ConnectionString => _database.ConnectionString;

    public WapListing.Infrastructure.Data.WapListingDbContext OpenDb() => _database.OpenDb();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        App = new ApiKeysAppFactory(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Test-only: answers who the key reads as (read policy) or that ingesting is allowed (ingest policy).</summary>
[ApiController]
[Route("api/v1/test-only")]
public sealed class ScopeProbeController(CurrentViewer viewer) : ControllerBase
{
    [HttpGet("read")]
    [Authorize(Policy = Policies.ApiRead)]
    public async Task<object> Read(CancellationToken cancellationToken)
    {
        var rights = await viewer.GetRightsAsync(cancellationToken);
        return new { viewer.UserId, Role = viewer.Role.ToString(), rights.AllQueues, rights.QueueIds, TimeZone = viewer.TimeZone.Id };
    }

    [HttpGet("ingest")]
    [Authorize(Policy = Policies.ApiIngest)]
    public object Ingest() => new { viewer.UserId };
}

public sealed record ProbedViewer(int UserId, string Role, bool AllQueues, int[] QueueIds, string TimeZone);

public sealed record MeAnswer(string KeyName, string KeyPrefix, string User, string[] Scopes, DateTimeOffset? ExpiresAt);

public static partial class ApiKeysSupport
{
    /// <summary>A client that sends the key as <c>Authorization: Bearer</c> and keeps no cookies.</summary>
    public static HttpClient BearerClient(this WebApplicationFactory<Program> app, string secret)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A key stored directly (hashed with the app's own hashing key), for tests of the authentication.</summary>
    public static async Task<(ApiKey Key, string Secret)> AddApiKeyAsync(
        this WebApplicationFactory<Program> app, string connectionString, User user, ApiKeyScopes scopes, DateTimeOffset? expiresAt = null)
    {
        var (secret, prefix) = ApiKeySecrets.Create();
        var hash = await app.Services.GetRequiredService<ApiKeySecrets>().HashAsync(secret, CancellationToken.None);
        var key = new ApiKey
        {
            Name = $"Test key {TestData.Suffix()}",
            UserId = user.Id,
            Scopes = scopes,
            Prefix = prefix,
            SecretHash = hash,
            CreatedAt = TestClock.DemoNow,
            ExpiresAt = expiresAt,
        };
        await using var db = TestDatabases.Open(connectionString);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return (key, secret);
    }

    /// <summary>Posts the create form the way a browser does and returns the answer and its HTML.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostNewKeyAsync(
        this HttpClient admin, string? name, int? userId, bool read, bool ingest, string? expiresOn = null)
    {
        var form = await admin.GetStringAsync("/manage/api-keys/new");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", HttpSignIn.AntiforgeryToken(form)),
            new("Name", name ?? string.Empty),
            new("UserId", userId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            new("ExpiresOn", expiresOn ?? string.Empty),
        };
        if (read)
        {
            fields.Add(new("Read", "true"));
        }

        if (ingest)
        {
            fields.Add(new("Ingest", "true"));
        }

        var response = await admin.PostAsync("/manage/api-keys/new", new FormUrlEncodedContent(fields));
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string SecretIn(string html)
    {
        var match = SecretPattern().Match(html);
        Assert.True(match.Success, "No secret in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>HMAC-SHA256 under the hashing key the app stored in app_settings.</summary>
    public static async Task<byte[]> ExpectedHashAsync(string connectionString, string secret)
    {
        await using var db = TestDatabases.Open(connectionString);
        var stored = await db.AppSettings.Where(s => s.Key == ApiKeySecrets.HashingKeySetting).Select(s => s.Value).SingleAsync();
        return HMACSHA256.HashData(Convert.FromBase64String(stored), Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Every row of every table of the database, as text, that contains <paramref name="text"/>.</summary>
    public static async Task<List<string>> RowsContainingAsync(string connectionString, string text)
    {
        await using var db = TestDatabases.Open(connectionString);
        var tables = await db.Database
            .SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
            .ToListAsync();
        var found = new List<string>();
        foreach (var table in tables)
        {
            var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
#pragma warning disable EF1002 // the table names come from the catalogue, quoted; the searched text is a parameter
            var rows = await db.Database
                .SqlQueryRaw<string>($"SELECT t::text AS \"Value\" FROM {quoted} AS t WHERE strpos(t::text, {{0}}) > 0", text)
                .ToListAsync();
#pragma warning restore EF1002
            found.AddRange(rows.Select(row => $"{table}: {row}"));
        }

        return found;
    }

    public static async Task<string> RevokeFormVersionAsync(this HttpClient admin, int keyId)
    {
        var html = await admin.GetStringAsync($"/manage/api-keys/{keyId}/revoke");
        return VersionPattern().Match(html).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostRevokeAsync(this HttpClient admin, int keyId, string version)
    {
        var html = await admin.GetStringAsync($"/manage/api-keys/{keyId}/revoke");
        return await admin.PostAsync($"/manage/api-keys/{keyId}/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(html),
            ["Version"] = version,
        }));
    }

    [GeneratedRegex("value=\"(wl_[^\"]+)\"[^>]*data-testid=\"api-key-secret\"")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
