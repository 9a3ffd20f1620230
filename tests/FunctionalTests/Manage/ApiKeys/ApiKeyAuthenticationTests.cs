using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage.ApiKeys;

/// <summary>The API's Bearer authentication: who a key is, what it is refused, and that keys and cookies stay apart.</summary>
public sealed class ApiKeyAuthenticationTests(ApiKeysAppFixture fixture) : IClassFixture<ApiKeysAppFixture>
{
    [Fact]
    public async Task A_valid_key_learns_its_name_user_scopes_and_expiry_from_api_v1_me()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Supervisor);
        var (key, secret) = await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read, expiresAt: TestClock.DemoNow.AddDays(30));

        var response = await fixture.App.BearerClient(secret).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var me = await response.Content.ReadFromJsonAsync<MeAnswer>();
        Assert.Equal(key.Name, me!.KeyName);
        Assert.Equal(key.Prefix, me.KeyPrefix);
        Assert.Equal(owner.UserName, me.User);
        Assert.Equal(["read"], me.Scopes);
        Assert.Equal(TestClock.DemoNow.AddDays(30), me.ExpiresAt);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret[12..], body);
    }

    [Theory]
    [InlineData(null, "Bearer")]
    [InlineData("Bearer wl_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer error=\"invalid_token\"")]
    [InlineData("Bearer garbled", "Bearer error=\"invalid_token\"")]
    [InlineData("Bearer ", "Bearer error=\"invalid_token\"")]
    [InlineData("Basic YWRtaW46RGVtbzEyMyE=", "Bearer error=\"invalid_token\"")]
    public async Task A_missing_unknown_or_garbled_key_is_refused_with_401_problem_details(string? authorization, string challenge)
    {
        var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith(challenge, Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task A_cookie_session_does_not_authenticate_the_api()
    {
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/manage")).StatusCode);

        var response = await client.GetAsync("/api/v1/me");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Theory]
    [InlineData("/listing/wap")]
    [InlineData("/manage/api-keys")]
    [InlineData("/manage/audit")]
    public async Task A_bearer_key_does_not_open_web_pages(string path)
    {
        var admin = await fixture.Data.AddUserAsync(UserRole.Administrator, allQueues: true, allUsers: true);
        var (_, secret) = await fixture.App.AddApiKeyAsync(fixture.ConnectionString, admin, ApiKeyScopes.Read | ApiKeyScopes.Ingest);
        var api = fixture.App.BearerClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var response = await api.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ingest_only_key_is_refused_by_read_endpoints_and_a_read_only_key_by_ingest_endpoints()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Administrator, allQueues: true, allUsers: true);
        var ingest = fixture.App.BearerClient((await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Ingest)).Secret);
        var read = fixture.App.BearerClient((await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read)).Secret);
        var both = fixture.App.BearerClient((await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read | ApiKeyScopes.Ingest)).Secret);

        await AssertProblemAsync(await ingest.GetAsync("/api/v1/test-only/read"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await ingest.GetAsync("/api/v1/test-only/ingest")).StatusCode);
        await AssertProblemAsync(await read.GetAsync("/api/v1/test-only/ingest"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await read.GetAsync("/api/v1/test-only/read")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await both.GetAsync("/api/v1/test-only/read")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await both.GetAsync("/api/v1/test-only/ingest")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ingest.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_read_key_reads_with_its_users_role_zone_and_current_rights()
    {
        var queue = await fixture.Data.AddQueueAsync();
        var owner = await fixture.Data.AddUserAsync(UserRole.Manager, grants: [RightsGrant.ForQueue(queue.Id)]);
        var read = fixture.App.BearerClient((await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read)).Secret);

        var seen = await read.GetFromJsonAsync<ProbedViewer>("/api/v1/test-only/read");
        Assert.Equal(owner.Id, seen!.UserId);
        Assert.Equal("Manager", seen.Role);
        Assert.Equal("Europe/Prague", seen.TimeZone);
        Assert.Equal([queue.Id], seen.QueueIds);

        await using (var db = fixture.OpenDb())
        {
            await db.RightsGrants.Where(g => g.ViewerId == owner.Id).ExecuteDeleteAsync();
        }

        Assert.Empty((await read.GetFromJsonAsync<ProbedViewer>("/api/v1/test-only/read"))!.QueueIds);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_its_next_request()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Agent);
        var (key, secret) = await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read);
        var api = fixture.App.BearerClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await using (var db = fixture.OpenDb())
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, TestClock.DemoNow));
        }

        var response = await api.GetAsync("/api/v1/me");
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task The_key_of_a_deactivated_user_is_refused_and_works_again_after_reactivation()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Supervisor);
        var api = fixture.App.BearerClient((await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read)).Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/test-only/read")).StatusCode);

        await SetActiveAsync(owner, false);
        await AssertProblemAsync(await api.GetAsync("/api/v1/test-only/read"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await api.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);

        await SetActiveAsync(owner, true);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Use_sets_last_use_and_is_audited_once_a_day_without_the_secret()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Supervisor);
        var (key, secret) = await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read);
        var api = fixture.App.BearerClient(secret);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.GetAsync("/api/v1/me")));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        await using var db = fixture.OpenDb();
        Assert.Equal(fixture.App.Clock.GetUtcNow(), (await db.ApiKeys.SingleAsync(k => k.Id == key.Id)).LastUsedAt);
        var used = (await db.AuditEntries.Where(a => a.Action == "api_key.used").ToListAsync()).Where(a => a.Detail!.Contains($"\"id\": {key.Id},", StringComparison.Ordinal));
        var entry = Assert.Single(used);
        Assert.Equal(owner.Id, entry.UserId);
        Assert.DoesNotContain(secret[12..], entry.Detail);
        Assert.DoesNotContain(key.Prefix, entry.Detail);
    }

    private async Task SetActiveAsync(User user, bool active)
    {
        await using var db = fixture.OpenDb();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, active));
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }
}
