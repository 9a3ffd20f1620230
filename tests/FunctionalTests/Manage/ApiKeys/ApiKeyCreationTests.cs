using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage.ApiKeys;

/// <summary>Manage → API keys: creating (the secret shown once, stored only as its keyed hash), listing, revoking.</summary>
public sealed class ApiKeyCreationTests(ApiKeysAppFixture fixture) : IClassFixture<ApiKeysAppFixture>
{
    private async Task<HttpClient> AdminAsync(string language = "en")
    {
        var admin = await fixture.Data.AddUserAsync(UserRole.Administrator, language: language, allQueues: true, allUsers: true);
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync(admin.UserName!);
        return client;
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_stored_nowhere_but_as_its_keyed_hash()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Manager);
        var admin = await AdminAsync();
        var name = $"BI extractor {TestData.Suffix()}";

        var (response, html) = await admin.PostNewKeyAsync(name, owner.Id, read: true, ingest: true, expiresOn: "2026-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var secret = ApiKeysSupport.SecretIn(html);
        Assert.Matches("^wl_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$", secret);
        var randomPart = secret[12..];

        await using (var db = fixture.OpenDb())
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Name == name);
            Assert.Equal(secret[..11], key.Prefix);
            Assert.Equal(await ApiKeysSupport.ExpectedHashAsync(fixture.ConnectionString, secret), key.SecretHash);
            Assert.Equal(owner.Id, key.UserId);
            Assert.Equal(ApiKeyScopes.Ingest | ApiKeyScopes.Read, key.Scopes);
            Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), key.ExpiresAt); // midnight after the day, Prague (UTC+1)
            Assert.Null(key.RevokedAt);
        }

        Assert.Empty(await ApiKeysSupport.RowsContainingAsync(fixture.ConnectionString, randomPart));
        Assert.Empty(await ApiKeysSupport.RowsContainingAsync(fixture.ConnectionString, secret));

        var list = await admin.GetStringAsync("/manage/api-keys");
        Assert.Contains(name, list);
        Assert.Contains(secret[..11] + "_…", list);
        Assert.DoesNotContain(randomPart, list);
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/manage/audit"));

        var me = await fixture.App.BearerClient(secret).GetFromJsonAsync<MeAnswer>("/api/v1/me");
        Assert.Equal(name, me!.KeyName);
        Assert.Equal(owner.UserName, me.User);
        Assert.Equal(["ingest", "read"], me.Scopes);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero), me.ExpiresAt);
    }

    [Fact]
    public async Task Creating_is_audited_with_ids_scopes_and_expiry_but_never_the_secret()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Agent);
        var admin = await AdminAsync();
        var name = $"Desktop {TestData.Suffix()}";

        var secret = ApiKeysSupport.SecretIn((await admin.PostNewKeyAsync(name, owner.Id, read: false, ingest: true)).Html);

        await using var db = fixture.OpenDb();
        var key = await db.ApiKeys.SingleAsync(k => k.Name == name);
        var entry = (await db.AuditEntries.Where(a => a.Action == "api_key.created").ToListAsync()).Single(a => a.Detail!.Contains($"\"id\": {key.Id},", StringComparison.Ordinal));
        Assert.Equal(key.CreatedById, entry.UserId);
        Assert.Contains($"\"userId\": {owner.Id}", entry.Detail);
        Assert.Contains("\"scopes\": [\"ingest\"]", entry.Detail);
        Assert.Contains("\"expiresAt\": null", entry.Detail);
        Assert.DoesNotContain(secret[12..], entry.Detail);
        Assert.DoesNotContain(key.Prefix, entry.Detail);
    }

    [Theory]
    [InlineData("en", "Name is required.", "Choose at least one scope.", "The last day of validity must be today or later.")]
    [InlineData("cs", "Vyberte alespoň jedno oprávnění.", "Poslední den platnosti musí být dnes nebo později.", "Název: povinný údaj.")]
    public async Task Invalid_input_is_answered_next_to_each_field_and_creates_nothing(string language, string first, string second, string third)
    {
        var admin = await AdminAsync(language);
        await using var before = fixture.OpenDb();
        var keys = await before.ApiKeys.CountAsync();

        var (response, html) = await admin.PostNewKeyAsync(name: "", userId: null, read: false, ingest: false, expiresOn: "2026-11-24");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(first, html);
        Assert.Contains(second, html);
        Assert.Contains(third, html);
        Assert.Contains("field-validation-error", html);
        Assert.DoesNotContain("api-key-secret", html);
        await using var after = fixture.OpenDb();
        Assert.Equal(keys, await after.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task A_deactivated_user_cannot_be_given_a_key_and_a_hostile_name_is_shown_as_text()
    {
        var leaver = await fixture.Data.AddUserAsync(UserRole.Agent, isActive: false);
        var owner = await fixture.Data.AddUserAsync(UserRole.Agent);
        var admin = await AdminAsync();

        var (_, refused) = await admin.PostNewKeyAsync("Leaver's key", leaver.Id, read: true, ingest: false);
        Assert.Contains("Choose an active user.", refused);
        Assert.DoesNotContain($"<option value=\"{leaver.Id}\"", refused);

        const string hostile = "<img src=x onerror=alert(1)>";
        var (_, created) = await admin.PostNewKeyAsync(hostile, owner.Id, read: true, ingest: false);
        Assert.DoesNotContain(hostile, created);
        var list = await admin.GetStringAsync("/manage/api-keys");
        Assert.DoesNotContain(hostile, list);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", list);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("agent")]
    public async Task Only_administrators_may_open_api_keys_and_the_audit_log(string login)
    {
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync(login);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/manage/api-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/manage/api-keys/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/manage/audit")).StatusCode);
    }

    [Fact]
    public async Task Revoking_checks_the_confirmed_version_and_stops_the_key_at_its_next_request()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Supervisor);
        var (key, secret) = await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read);
        var api = fixture.App.BearerClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        var admin = await AdminAsync();

        var confirmed = await admin.RevokeFormVersionAsync(key.Id);
        await using (var db = fixture.OpenDb())
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.Name, k => k.Name + " (renamed)"));
        }

        var conflict = await admin.PostRevokeAsync(key.Id, confirmed);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("data-testid=\"conflict\"", await conflict.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        var revoked = await admin.PostRevokeAsync(key.Id, await admin.RevokeFormVersionAsync(key.Id));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal("/manage/api-keys?done=revoked", revoked.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        var list = await admin.GetStringAsync("/manage/api-keys?done=revoked");
        Assert.Contains("The key was revoked.", list);
        Assert.Matches($"<tr data-key=\"{key.Id}\"[\\s\\S]*?data-state=\"Revoked\"", list);
        await using var after = fixture.OpenDb();
        var entry = (await after.AuditEntries.Where(a => a.Action == "api_key.revoked").ToListAsync()).Single(a => a.Detail!.Contains($"\"id\": {key.Id},", StringComparison.Ordinal));
        Assert.Contains("\"scopes\": [\"read\"]", entry.Detail);
        Assert.DoesNotContain(secret[12..], entry.Detail);
    }

    [Fact]
    public async Task The_pages_run_no_inline_script_or_style_under_the_content_security_policy()
    {
        var owner = await fixture.Data.AddUserAsync(UserRole.Agent);
        var (key, _) = await fixture.App.AddApiKeyAsync(fixture.ConnectionString, owner, ApiKeyScopes.Read);
        var admin = await AdminAsync();
        var pages = new Dictionary<string, string>
        {
            ["list"] = await admin.GetStringAsync("/manage/api-keys"),
            ["new"] = await admin.GetStringAsync("/manage/api-keys/new"),
            ["invalid"] = (await admin.PostNewKeyAsync("", null, read: false, ingest: false)).Html,
            ["created"] = (await admin.PostNewKeyAsync($"CSP {TestData.Suffix()}", owner.Id, read: true, ingest: false)).Html,
            ["revoke"] = await admin.GetStringAsync($"/manage/api-keys/{key.Id}/revoke"),
            ["audit"] = await admin.GetStringAsync("/manage/audit"),
        };

        // Attribute values are skipped: a hostile key name ("… onerror=…") is text there, encoded, not an attribute.
        foreach (var (page, html) in pages)
        {
            Assert.True(html.Contains("</html>", StringComparison.Ordinal), $"{page} is not a whole page");
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(html, @"<script(?![^>]*\bsrc=)[^>]*>"), $"{page} has an inline script");
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(html, @"<[a-zA-Z](?:[^>""']|""[^""]*""|'[^']*')*\son[a-z]+\s*="), $"{page} has an inline event handler");
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(html, @"<[a-zA-Z](?:[^>""']|""[^""]*""|'[^']*')*\sstyle\s*="), $"{page} has an inline style");
        }
    }
}
