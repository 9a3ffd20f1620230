using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Manage.Groups;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.FunctionalTests.Manage.Connectors;

/// <summary>Manage → Connectors: the settings, the E.164 number, unique ids, write-only secrets that never leave the server, concurrency, audit.</summary>
public sealed class ConnectorsTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task Secrets_are_stored_protected_and_never_appear_in_a_page_a_log_line_or_the_audit()
    {
        var logs = new CapturedLogs();
        await using var app = demo.App.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        var s = TestData.Suffix();
        var verifyToken = $"verify-{s}-Vq8";
        var appSecret = $"appsecret-{s}-K3z";
        var accessToken = $"EAAG-access-{s}-p9X";
        var secrets = new[] { verifyToken, appSecret, accessToken };
        var queue = await demo.Data.AddQueueAsync();
        var userGroup = await demo.Data.AddUserGroupAsync($"Team {s}");
        var queueGroup = await demo.Data.AddQueueGroupAsync($"South {s}", queue);
        var agent = await demo.Data.AddUserAsync(WapListing.Domain.Entities.UserRole.Agent);
        var admin = await SignedInAdministratorAsync(app, demo.Data);

        var created = await admin.PostAsync("/manage/connectors/new", "/manage/connectors",
            ("Name", $"Sales {s}"), ("PhoneNumber", "+420 800 555 111"), ("IsActive", "true"), ("ExternalKey", $"sales-{s}"),
            ("WhatsAppPhoneNumberId", $"1{Digits(s)}"), ("WhatsAppBusinessAccountId", "998877"), ("DefaultQueueId", $"{queue.Id}"),
            ("VerifyToken", verifyToken), ("AppSecret", appSecret), ("AccessToken", accessToken));
        var target = ManageHttp.RedirectTarget(created);
        var id = int.Parse(Regex.Match(target, "^/manage/connectors/(\\d+)\\?done=created$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var pages = new List<string> { await created.Content.ReadAsStringAsync() };
        string[] everyPage =
        [
            target, "/manage/connectors", $"/manage/connectors/{id}", "/manage/connectors/new", "/manage/queues", "/manage/queues?deactivated=true",
            $"/manage/queues/{queue.Id}", "/manage/queues/new", "/manage/user-groups", $"/manage/user-groups/{userGroup.Id}",
            $"/manage/user-groups/{userGroup.Id}/delete", "/manage/queue-groups", $"/manage/queue-groups/{queueGroup.Id}?deactivated=true",
            $"/manage/queue-groups/{queueGroup.Id}/delete", $"/manage/users/{agent.Id}/groups",
        ];
        foreach (var url in everyPage)
        {
            pages.Add(await admin.GetOkAsync(url));
        }

        // A refused save redisplays the form: the typed secrets are not sent back either.
        var refused = await admin.PostAsync($"/manage/connectors/{id}", $"/manage/connectors/{id}",
            ("Name", $"Sales {s}"), ("PhoneNumber", "not a number"), ("IsActive", "true"), ("AppSecret", appSecret + "-new"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"secrets-not-saved\"", refusedHtml);
        pages.Add(refusedHtml);

        var edit = pages[3];
        Assert.Contains("data-secret=\"AppSecret\" data-state=\"set\">set</span>", edit);
        Assert.Matches("<input type=\"password\" id=\"AppSecret\" name=\"AppSecret\" class=\"form-control\" maxlength=\"4096\" autocomplete=\"new-password\"\\s+aria-describedby", edit);
        foreach (var page in pages)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, page);
            }
        }

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("/manage/connectors", StringComparison.Ordinal));
        foreach (var secret in secrets.Append(appSecret + "-new"))
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }

        await using var db = demo.OpenDb();
        var stored = await db.Connectors.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(("+420800555111", $"sales-{s}", $"1{Digits(s)}", "998877", queue.Id), (stored.PhoneNumber, stored.ExternalKey, stored.WhatsAppPhoneNumberId, stored.WhatsAppBusinessAccountId, stored.DefaultQueueId));
        var protector = app.Services.GetRequiredService<ConnectorSecrets>();
        Assert.Equal(
            secrets,
            new[] { stored.ProtectedVerifyToken, stored.ProtectedAppSecret, stored.ProtectedAccessToken }.Select(p =>
            {
                Assert.NotNull(p);
                Assert.DoesNotContain(s, p);
                return protector.Unprotect(p);
            }));

        var audit = Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, "connector.created", id));
        Assert.Equal(["true", "true", "true"], new[] { "verifyTokenReplaced", "appSecretReplaced", "accessTokenReplaced" }.Select(f => audit.At("after.secrets." + f)));
        Assert.Equal(["true", "true", "true"], new[] { "verifyTokenSet", "appSecretSet", "accessTokenSet" }.Select(f => audit.At("after.values." + f)));
        var allAudit = await db.AuditEntries.AsNoTracking().Select(e => e.Detail).ToListAsync();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(allAudit, detail => detail != null && detail.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(await db.Connectors.AsNoTracking().Where(c => c.Id == id).Select(c => c.ProtectedAppSecret + c.ProtectedAccessToken + c.ProtectedVerifyToken).SingleAsync(), secret);
        }
    }

    [Fact]
    public async Task An_empty_secret_input_keeps_the_stored_value_a_typed_one_replaces_it_and_clear_removes_it()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var s = TestData.Suffix();
        var id = await CreateAsync(admin, s, ("VerifyToken", "v-one"), ("AppSecret", "a-one"), ("AccessToken", "t-one"));
        var url = $"/manage/connectors/{id}";
        var protector = demo.App.Services.GetRequiredService<ConnectorSecrets>();
        var before = await StoredAsync(id);

        // Empty inputs: every secret kept, byte for byte.
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, Plain(s).Append(("Version", ManageHttp.Version(await admin.GetOkAsync(url)))).ToArray()));
        Assert.Equal(before, await StoredAsync(id));
        Assert.Empty(await ManageHttp.AuditAsync(demo.ConnectionString, "connector.updated", id));

        // A typed app secret replaces that one only.
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, Plain(s).Append(("AppSecret", "a-two")).Append(("Version", ManageHttp.Version(await admin.GetOkAsync(url)))).ToArray()));
        var replaced = await StoredAsync(id);
        Assert.Equal(("v-one", "a-two", "t-one"), (protector.Unprotect(replaced.Verify), protector.Unprotect(replaced.App), protector.Unprotect(replaced.Access)));
        var replacedAudit = Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, "connector.updated", id));
        Assert.Equal(("true", "false", "false"), (replacedAudit.At("after.secrets.appSecretReplaced"), replacedAudit.At("after.secrets.verifyTokenReplaced"), replacedAudit.At("after.secrets.accessTokenCleared")));
        Assert.DoesNotContain("a-two", replacedAudit.GetRawText());

        // "Clear" removes the access token only.
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, Plain(s).Append(("ClearAccessToken", "true")).Append(("Version", ManageHttp.Version(await admin.GetOkAsync(url)))).ToArray()));
        var cleared = await StoredAsync(id);
        Assert.Null(cleared.Access);
        Assert.Equal(("v-one", "a-two"), (protector.Unprotect(cleared.Verify), protector.Unprotect(cleared.App)));
        var clearedAudit = (await ManageHttp.AuditAsync(demo.ConnectionString, "connector.updated", id))[^1];
        Assert.Equal(("true", "true", "false"), (clearedAudit.At("after.secrets.accessTokenCleared"), clearedAudit.At("before.values.accessTokenSet"), clearedAudit.At("after.values.accessTokenSet")));
        var page = await admin.GetOkAsync(url);
        Assert.Contains("data-secret=\"AccessToken\" data-state=\"not-set\"", page);
        Assert.Contains("data-secret=\"VerifyToken\" data-state=\"set\"", page);
        Assert.DoesNotContain("name=\"ClearAccessToken\"", page);
        Assert.Contains("name=\"ClearAppSecret\"", page);
    }

    [Theory]
    [InlineData("+420 800 123 456", "+420800123456")]
    [InlineData("+12025550123", "+12025550123")]
    [InlineData(" +44 20 7946 0958 ", "+442079460958")]
    [InlineData("+12345678", "+12345678")]
    [InlineData("+123456789012345", "+123456789012345")]
    [InlineData("420800123456", null)]
    [InlineData("+1234567", null)]
    [InlineData("+1234567890123456", null)]
    [InlineData("+420-800-123-456", null)]
    [InlineData("+0420800123456", null)]
    [InlineData("+42080012345a", null)]
    public async Task The_number_must_be_E164_spaces_dropped(string typed, string? stored)
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var response = await admin.PostAsync("/manage/connectors/new", "/manage/connectors", ("Name", "E164 " + TestData.Suffix()), ("PhoneNumber", typed), ("IsActive", "true"));
        if (stored is null)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal("Enter the number in international form: + and 8 to 15 digits (spaces are allowed).", ManageHttp.FieldError(html, "PhoneNumber"));
            Assert.Contains($"value=\"{typed}\"", WebUtility.HtmlDecode(html));
        }
        else
        {
            var id = int.Parse(ManageHttp.RedirectTarget(response).Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
            await using var db = demo.OpenDb();
            Assert.Equal(stored, await db.Connectors.Where(c => c.Id == id).Select(c => c.PhoneNumber).SingleAsync());
        }
    }

    [Fact]
    public async Task The_phone_number_id_is_digits_and_unique_and_the_external_key_unique()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var s = TestData.Suffix();
        var phoneNumberId = "7" + Digits(s);
        await CreateAsync(admin, s, ("WhatsAppPhoneNumberId", phoneNumberId), ("ExternalKey", $"ext-{s}"));

        var letters = await admin.PostAsync("/manage/connectors/new", "/manage/connectors", Plain(TestData.Suffix()).Append(("WhatsAppPhoneNumberId", "12ab")).ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, letters.StatusCode);
        Assert.Equal("WhatsApp phone number id may contain digits only.", ManageHttp.FieldError(await letters.Content.ReadAsStringAsync(), "WhatsAppPhoneNumberId"));

        var sameId = await admin.PostAsync("/manage/connectors/new", "/manage/connectors", Plain(TestData.Suffix()).Append(("WhatsAppPhoneNumberId", phoneNumberId)).ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameId.StatusCode);
        Assert.Equal("Another connector already uses this phone number id.", ManageHttp.FieldError(await sameId.Content.ReadAsStringAsync(), "WhatsAppPhoneNumberId"));

        var sameKey = await admin.PostAsync("/manage/connectors/new", "/manage/connectors", Plain(TestData.Suffix()).Append(("ExternalKey", $"ext-{s}")).ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sameKey.StatusCode);
        Assert.Equal("This external key is already used by another record.", ManageHttp.FieldError(await sameKey.Content.ReadAsStringAsync(), "ExternalKey"));
    }

    [Fact]
    public async Task A_stale_connector_form_is_refused_with_the_conflict_message_and_its_secret_not_stored()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var s = TestData.Suffix();
        var id = await CreateAsync(admin, s, ("AppSecret", "original"));
        var url = $"/manage/connectors/{id}";
        var stale = ManageHttp.Version(await admin.GetOkAsync(url));
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, Plain(s, $"Theirs {s}").Append(("Version", stale)).ToArray()));

        var mine = await admin.PostAsync(url, url, Plain(s, $"Mine {s}").Append(("AppSecret", "mine")).Append(("Version", stale)).ToArray());

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        var html = await mine.Content.ReadAsStringAsync();
        Assert.Single(ManageHttp.FormErrors(html));
        Assert.Contains($"value=\"Theirs {s}\"", html);
        var stored = await StoredAsync(id);
        Assert.Equal("original", demo.App.Services.GetRequiredService<ConnectorSecrets>().Unprotect(stored.App));
    }

    [Fact]
    public async Task A_new_app_secret_signs_webhooks_at_once_and_the_one_it_replaced_no_longer_does()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var s = TestData.Suffix();
        var (oldSecret, newSecret) = ($"old-app-secret-{s}", $"new-app-secret-{s}");
        var id = await CreateAsync(admin, s, ("AppSecret", oldSecret));
        var url = $"/manage/connectors/{id}";
        var body = System.Text.Encoding.UTF8.GetBytes($"{{\"object\":\"whatsapp_business_account\",\"entry\":[],\"test\":\"{s}\"}}");
        using var meta = demo.App.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(meta, body, oldSecret)).StatusCode);
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, Plain(s).Append(("AppSecret", newSecret)).Append(("Version", ManageHttp.Version(await admin.GetOkAsync(url)))).ToArray()));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedAsync(meta, body, oldSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(meta, body, newSecret)).StatusCode);
    }

    private static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, byte[] body, string appSecret) =>
        client.SendAsync(WapListing.FunctionalTests.Ingestion.WebhookAppFixture.SignedWebhook(body, appSecret));

    private static async Task<HttpClient> SignedInAdministratorAsync(WebApplicationFactory<Program> app, TestData data)
    {
        var administrator = await data.AddUserAsync(WapListing.Domain.Entities.UserRole.Administrator, language: "en", allQueues: true, allUsers: true);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(administrator.UserName!);
        return client;
    }

    /// <summary>The plain fields of a valid connector (name differs by <paramref name="s"/>), no secrets.</summary>
    private static IEnumerable<(string, string)> Plain(string s, string? name = null) =>
        [("Name", name ?? $"Connector {s}"), ("PhoneNumber", "+420800999888"), ("IsActive", "true")];

    private async Task<int> CreateAsync(HttpClient admin, string s, params (string, string)[] more)
    {
        var response = await admin.PostAsync("/manage/connectors/new", "/manage/connectors", Plain(s).Concat(more).ToArray());
        return int.Parse(ManageHttp.RedirectTarget(response).Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<(string? Verify, string? App, string? Access)> StoredAsync(int id)
    {
        await using var db = demo.OpenDb();
        return await db.Connectors.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ValueTuple<string?, string?, string?>(c.ProtectedVerifyToken, c.ProtectedAppSecret, c.ProtectedAccessToken))
            .SingleAsync();
    }

    private static string Digits(string s) => string.Concat(s.Select(c => (char)('0' + (c % 10))));
}
