using System.Net;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Web.Api;

namespace WapListing.FunctionalTests.Manage.ApiKeys;

/// <summary>What time does to keys: expiry, the throttled last use and the daily use audit. This class moves its app's clock forward.</summary>
public sealed class ApiKeyClockTests(ApiKeysAppFixture fixture) : IClassFixture<ApiKeysAppFixture>
{
    [Fact]
    public async Task A_key_works_through_its_last_day_in_the_admins_zone_and_is_refused_from_the_next_midnight()
    {
        var admin = await fixture.Data.AddUserAsync(UserRole.Administrator, language: "en", allQueues: true, allUsers: true);
        var owner = await fixture.Data.AddUserAsync(UserRole.Agent);
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync(admin.UserName!);
        var now = fixture.App.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague")).DateTime);

        var (_, html) = await client.PostNewKeyAsync($"Until tonight {TestData.Suffix()}", owner.Id, read: true, ingest: false, expiresOn: today.ToString("yyyy-MM-dd"));
        var api = fixture.App.BearerClient(ApiKeysSupport.SecretIn(html));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var midnight = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(1)).ToUniversalTime(); // Prague in November: UTC+1
        fixture.App.Clock.SetUtcNow(midnight.AddSeconds(-1));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        fixture.App.Clock.SetUtcNow(midnight);
        var refused = await api.GetAsync("/api/v1/me");
        await ApiKeyAuthenticationTests.AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", Assert.Single(refused.Headers.WwwAuthenticate).ToString());
        Assert.Contains("data-state=\"Expired\"", await client.GetStringAsync("/manage/api-keys"));
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute_and_use_is_audited_on_the_first_use_of_each_day()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Supervisor);
        var (key, secret) = await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read);
        var api = fixture.App.BearerClient(secret);
        var clock = fixture.App.Clock;

        var first = clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(first, await LastUsedAsync(key));

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(first, await LastUsedAsync(key));

        clock.Advance(ApiKeyAuthenticationHandler.LastUseResolution);
        var later = clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(later, await LastUsedAsync(key));
        Assert.Equal(1, await UsesAuditedAsync(key));

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(2, await UsesAuditedAsync(key));
    }

    private async Task<DateTimeOffset?> LastUsedAsync(ApiKey key)
    {
        await using var db = fixture.OpenDb();
        return await db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.LastUsedAt).SingleAsync();
    }

    private async Task<int> UsesAuditedAsync(ApiKey key)
    {
        await using var db = fixture.OpenDb();
        return (await db.AuditEntries.Where(a => a.Action == "api_key.used").ToListAsync()).Count(a => a.Detail!.Contains($"\"id\": {key.Id},", StringComparison.Ordinal));
    }
}
