using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Manage.ApiKeys;

/// <summary>
/// An administrator creates a key in the browser (a refused form first), copies the secret shown once, uses it, revokes
/// another and reads the audit log filtered to API keys — in English and Czech, saving a screenshot of each page.
/// </summary>
public sealed class ApiKeysAndAuditInTheBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public Task In_english() => CreateUseRevokeAndAuditAsync("en", "en-US", "Choose at least one scope.", "The last day of validity must be today or later.");

    [BrowserFact]
    public Task In_czech() => CreateUseRevokeAndAuditAsync("cs", "cs-CZ", "Vyberte alespoň jedno oprávnění.", "Poslední den platnosti musí být dnes nebo později.");

    private async Task CreateUseRevokeAndAuditAsync(string language, string locale, string scopeMessage, string expiryMessage)
    {
        var admin = await app.Data.AddUserAsync(UserRole.Administrator, language: language, displayName: $"Alena Správcová {language}", allQueues: true, allUsers: true);
        var owner = await app.Data.AddUserAsync(UserRole.Supervisor, displayName: $"Petr Dohledový {TestData.Suffix()}");
        var old = await app.Data.AddUserAsync(UserRole.Manager, displayName: $"Marta Manažerová {TestData.Suffix()}");
        var (oldKey, _) = await app.Factory.AddApiKeyAsync(app.ConnectionString, old, ApiKeyScopes.Ingest, expiresAt: TestClock.DemoNow.AddDays(60));

        await using var browser = await app.OpenBrowserForAxeAsync(locale);
        var failures = new List<string>();
        var page = browser.Page;
        await page.SignInAsync(admin.UserName!);
        await page.GotoAsync("/manage");
        await page.ClickAsync("[data-testid=manage-nav] [data-section=ApiKeys]");
        await page.ClickAsync("[data-testid=new-api-key]");

        var name = $"BI extractor {TestData.Suffix()}";
        await page.FillAsync("#Name", name);
        await page.UncheckAsync("#Read");
        await page.FillAsync("#ExpiresOn", "2026-11-01");
        await page.ClickAsync("[data-testid=new-api-key-form] button[type=submit]");
        await Assertions.Expect(page.Locator("[data-valmsg-for=Scopes]")).ToHaveTextAsync(scopeMessage);
        await Assertions.Expect(page.Locator("[data-valmsg-for=ExpiresOn]")).ToHaveTextAsync(expiryMessage);
        await Assertions.Expect(page.Locator("#Name")).ToHaveValueAsync(name);
        await CheckAsync(page, $"manage-api-keys-new-invalid-{language}", failures);

        await page.CheckAsync("#Read");
        await page.CheckAsync("#Ingest");
        await page.FillAsync("#ExpiresOn", "2026-12-31");
        await page.SelectOptionAsync("#UserId", owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=new-api-key-form] button[type=submit]");
        var secret = await page.Locator("[data-testid=api-key-secret]").InputValueAsync();
        Assert.Matches("^wl_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$", secret);
        Assert.DoesNotContain(secret[12..], page.Url);
        await CheckAsync(page, $"manage-api-keys-created-{language}", failures);

        var api = app.Factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(app.BaseUrl + "/api/v1/me")).StatusCode);

        await page.ClickAsync($"a.btn-primary[href='/manage/api-keys']");
        await page.ClickAsync($"tr[data-key='{oldKey.Id}'] a.btn-outline-danger");
        await page.ClickAsync("form button.btn-danger");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-key='{oldKey.Id}'] [data-state=Revoked]")).ToBeVisibleAsync();
        Assert.DoesNotContain(secret[12..], await page.ContentAsync());
        await CheckAsync(page, $"manage-api-keys-list-{language}", failures);

        await page.ClickAsync("[data-testid=manage-nav] [data-section=Audit]");
        await page.SelectOptionAsync("#actor", admin.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#prefix", "api_key.");
        await page.FillAsync("#from", "2026-11-25");
        await page.ClickAsync("[data-testid=audit-filters] button[type=submit]");
        await Assertions.Expect(page.Locator("tr[data-action='api_key.revoked']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tr[data-action='api_key.created']")).ToHaveCountAsync(1);
        Assert.DoesNotContain(secret[12..], await page.ContentAsync());
        await CheckAsync(page, $"manage-audit-filtered-{language}", failures);

        await page.ClickAsync("[data-testid=manage-nav] [data-section=ApiKeys]");
        await page.Locator("tr", new() { HasText = name }).Locator("a.btn-outline-danger").ClickAsync();
        await Assertions.Expect(page.Locator("form button.btn-danger")).ToBeVisibleAsync();
        await CheckAsync(page, $"manage-api-keys-revoke-{language}", failures);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Saves the screenshot and notes axe's serious and critical findings (the page's own scripts still run under the CSP in the HTTP tests).</summary>
    private static async Task CheckAsync(IPage page, string name, List<string> failures)
    {
        await page.SaveScreenshotAsync(name);
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var targets = string.Join(" | ", violation.Nodes.Take(5).Select(n => n.Target?.ToString() + " " + n.Html));
            failures.Add($"{name} ({page.Url}): {violation.Id} [{violation.Impact}] on {violation.Nodes.Length} node(s): {targets}");
        }
    }
}
