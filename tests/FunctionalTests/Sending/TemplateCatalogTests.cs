using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Ingestion;
using WapListing.FunctionalTests.Manage.Groups;
using WapListing.Infrastructure.WhatsApp;
using StandInTemplate = WapListing.FunctionalTests.Infrastructure.GraphApiStandIn.StandInTemplate;

namespace WapListing.FunctionalTests.Sending;

/// <summary>The Graph API stand-in and the app, without inbox workers: fetching templates touches neither.</summary>
public sealed class TemplateCatalogFixture : WebhookAppFixture
{
    protected override int InboxWorkers => 0;
}

/// <summary>
/// Manage → Connectors → Message templates: the approved templates of the connector's WhatsApp Business account, fetched
/// through the Graph API (paged) and cached in <c>whatsapp_templates</c> — only those whose variables are the body's
/// positional ones; a failure keeps the cache; administrators only; external text shown encoded.
/// </summary>
public sealed class TemplateCatalogTests(TemplateCatalogFixture app) : IClassFixture<TemplateCatalogFixture>
{
    private const string Fetched = "templates-done";

    private static readonly StandInTemplate OrderUpdate = new("order_update", "cs", "Dobrý den {{1}},\n\nvaše objednávka {{2}} je na cestě.");

    [Fact]
    public async Task Fetching_stores_only_the_approved_templates_the_app_can_fill_in_with_their_parameter_counts()
    {
        var (connector, waba, token) = await AddConnectorAsync();
        app.Graph.SetTemplates(
            waba,
            OrderUpdate,
            new StandInTemplate("welcome", "en_US", "Thanks for writing to us.", Category: "MARKETING", Buttons:
            [
                new { type = "QUICK_REPLY", text = "Stop" },
                new { type = "URL", text = "Shop", url = "https://shop.example/" },
                new { type = "PHONE_NUMBER", text = "Call", phone_number = "+420800123456" },
            ]),
            new StandInTemplate("invoice_ready", "cs", "Faktura {{1}} je připravena.", Header: new { type = "HEADER", format = "TEXT", text = "Faktura" }),
            new StandInTemplate("pending_one", "cs", "Čeká {{1}}", Status: "PENDING"),
            new StandInTemplate("rejected_one", "cs", "Zamítnuto", Status: "REJECTED"),
            new StandInTemplate("no_body", "cs", null, Header: new { type = "HEADER", format = "TEXT", text = "Jen hlavička" }),
            new StandInTemplate("named", "cs", "Dobrý den {{first_name}}", ParameterFormat: "NAMED"),
            new StandInTemplate("image_header", "cs", "Nová kolekce {{1}}", Header: new { type = "HEADER", format = "IMAGE", example = new { header_handle = new[] { "https://x.example/a.jpg" } } }),
            new StandInTemplate("header_variable", "cs", "Stav: {{1}}", Header: new { type = "HEADER", format = "TEXT", text = "Objednávka {{1}}" }),
            new StandInTemplate("tracking_link", "cs", "Sledujte zásilku.", Buttons: [new { type = "URL", text = "Sledovat", url = "https://shop.example/track/{{1}}" }]));
        var admin = await SignedInAsync(UserRole.Administrator, "en");

        var response = await PostFetchAsync(admin, connector.Id);

        Assert.Equal($"/manage/connectors/{connector.Id}?done=templates&fetched=3&skipped=4", ManageHttp.RedirectTarget(response));
        var stored = await StoredAsync(connector.Id);
        Assert.Equal(
            [
                ("invoice_ready", "cs", "UTILITY", "Faktura {{1}} je připravena.", 1),
                ("order_update", "cs", "UTILITY", "Dobrý den {{1}},\n\nvaše objednávka {{2}} je na cestě.", 2),
                ("welcome", "en_US", "MARKETING", "Thanks for writing to us.", 0),
            ],
            stored.Select(t => (t.Name, t.Language, t.Category, t.Body, t.ParameterCount)));
        Assert.All(stored, t => Assert.Equal(app.App.Clock.GetUtcNow(), t.FetchedAt));

        var request = Assert.Single(app.Graph.TemplateRequests, r => r.WabaId == waba);
        Assert.Equal("Bearer " + token, request.Authorization);
        Assert.Equal(100, request.Limit);
        Assert.Equal(["category", "components", "language", "name", "status"], request.Fields.Split(',').Intersect(["name", "language", "status", "category", "components"]).Order());

        var page = await admin.GetOkAsync(ManageHttp.RedirectTarget(response));
        Assert.Equal("3 templates fetched, 4 skipped (parameters this app cannot fill).", Text(page, Fetched));
        Assert.Contains("data-template=\"order_update\" data-language=\"cs\"", page);
        var prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");
        Assert.Equal(
            $"Fetched {TimeZoneInfo.ConvertTime(app.App.Clock.GetUtcNow(), prague).ToString("g", new CultureInfo("en"))} (Europe/Prague).",
            Text(page, "templates-fetched-at"));

        var audit = Assert.Single(await ManageHttp.AuditAsync(app.ConnectionString, "connector.templates_fetched", connector.Id));
        Assert.Equal(("0", "3", "4"), (audit.At("before.templates"), audit.At("after.templates"), audit.At("after.skipped")));
        Assert.DoesNotContain("order_update", audit.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("objednávka", audit.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetching_follows_the_paging_to_the_last_page()
    {
        var (connector, waba, _) = await AddConnectorAsync();
        var templates = Enumerable.Range(1, 7).Select(i => new StandInTemplate($"template_{i}", "cs", $"Text {i} {{{{1}}}}")).ToArray();
        app.Graph.SetTemplates(waba, 3, templates);
        var admin = await SignedInAsync(UserRole.Administrator, "en");

        var response = await PostFetchAsync(admin, connector.Id);

        Assert.EndsWith("fetched=7&skipped=0", ManageHttp.RedirectTarget(response), StringComparison.Ordinal);
        Assert.Equal(templates.Select(t => t.Name), (await StoredAsync(connector.Id)).Select(t => t.Name));
        Assert.Equal(["", "3", "6"], app.Graph.TemplateRequests.Where(r => r.WabaId == waba).Select(r => r.After));
        Assert.Equal("7 templates fetched.", Text(await admin.GetOkAsync(ManageHttp.RedirectTarget(response)), Fetched));
    }

    [Fact]
    public async Task A_new_fetch_replaces_the_connectors_cache_so_a_template_deleted_at_Meta_disappears()
    {
        var (connector, waba, _) = await AddConnectorAsync();
        var (other, otherWaba, _) = await AddConnectorAsync();
        app.Graph.SetTemplates(otherWaba, OrderUpdate);
        app.Graph.SetTemplates(waba, OrderUpdate, new StandInTemplate("old_offer", "cs", "Sleva {{1}} %"));
        var admin = await SignedInAsync(UserRole.Administrator, "en");
        ManageHttp.RedirectTarget(await PostFetchAsync(admin, other.Id));
        ManageHttp.RedirectTarget(await PostFetchAsync(admin, connector.Id));
        var otherBefore = await StoredAsync(other.Id);

        app.App.Clock.Advance(TimeSpan.FromMinutes(5));
        app.Graph.SetTemplates(waba, OrderUpdate with { Body = "Dobrý den {{1}}, objednávka {{2}} dorazí {{3}}." }, new StandInTemplate("new_offer", "en", "Hello"));
        ManageHttp.RedirectTarget(await PostFetchAsync(admin, connector.Id));

        var stored = await StoredAsync(connector.Id);
        Assert.Equal([("new_offer", 0), ("order_update", 3)], stored.Select(t => (t.Name, t.ParameterCount)));
        Assert.All(stored, t => Assert.Equal(app.App.Clock.GetUtcNow(), t.FetchedAt));
        Assert.Equal(otherBefore.Select(t => (t.Id, t.Body, t.FetchedAt)), (await StoredAsync(other.Id)).Select(t => (t.Id, t.Body, t.FetchedAt)));
        var page = await admin.GetOkAsync($"/manage/connectors/{connector.Id}");
        Assert.DoesNotContain("old_offer", page, StringComparison.Ordinal);
        var audits = await ManageHttp.AuditAsync(app.ConnectionString, "connector.templates_fetched", connector.Id);
        Assert.Equal([("0", "2"), ("2", "2")], audits.Select(a => (a.At("before.templates"), a.At("after.templates"))));
    }

    [Fact]
    public async Task A_graph_error_keeps_the_cached_templates_and_says_what_went_wrong_in_the_readers_language()
    {
        var (connector, waba, _) = await AddConnectorAsync();
        app.Graph.SetTemplates(waba, 1, OrderUpdate, new StandInTemplate("second", "cs", "Druhá"));
        var admin = await SignedInAsync(UserRole.Administrator, "en");
        ManageHttp.RedirectTarget(await PostFetchAsync(admin, connector.Id));
        var cached = await StoredAsync(connector.Id);
        app.App.Clock.Advance(TimeSpan.FromMinutes(5));

        app.Graph.FailTemplates(waba, 190, "Error validating access token: Session has expired.", httpStatus: 401);
        var expired = await PostFetchAsync(admin, connector.Id);

        Assert.Equal(HttpStatusCode.BadGateway, expired.StatusCode);
        var html = await expired.Content.ReadAsStringAsync();
        Assert.Equal(
            "Templates were not fetched; the stored ones stay as they were. WhatsApp refused the connector's access token; an administrator must set a valid one in Manage → Connectors (WhatsApp 190).",
            Text(html, "templates-error"));
        Assert.Contains("data-template=\"second\"", html);
        Assert.Equal(Rows(cached), Rows(await StoredAsync(connector.Id)));

        // A failure on the second page keeps the cache too: nothing of the first page is stored.
        app.Graph.SetTemplates(waba, 1, new StandInTemplate("replacement", "cs", "Nová"), OrderUpdate);
        app.Graph.FailTemplates(waba, 131016, "Service unavailable", httpStatus: 503, fromPage: 2);
        var czech = await SignedInAsync(UserRole.Administrator, "cs");
        var unavailable = await PostFetchAsync(czech, connector.Id);

        Assert.Equal(HttpStatusCode.BadGateway, unavailable.StatusCode);
        Assert.Equal(
            "Šablony nebyly načteny; uložené zůstávají beze změny. WhatsApp je teď nedostupný; zkuste to později (WhatsApp 131016).",
            Text(await unavailable.Content.ReadAsStringAsync(), "templates-error"));
        Assert.Equal(Rows(cached), Rows(await StoredAsync(connector.Id)));
        Assert.Single(await ManageHttp.AuditAsync(app.ConnectionString, "connector.templates_fetched", connector.Id));
    }

    [Fact]
    public async Task An_unknown_business_account_is_reported_as_such_and_stores_nothing()
    {
        var (connector, waba, _) = await AddConnectorAsync();
        var admin = await SignedInAsync(UserRole.Administrator, "en");

        var response = await PostFetchAsync(admin, connector.Id);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = Text(await response.Content.ReadAsStringAsync(), "templates-error");
        Assert.StartsWith("Templates were not fetched; the stored ones stay as they were. WhatsApp refused the request: check the WhatsApp Business account id (WhatsApp 100: Unsupported get request.", error, StringComparison.Ordinal);
        Assert.Single(app.Graph.TemplateRequests, r => r.WabaId == waba);
        Assert.Empty(await StoredAsync(connector.Id));
    }

    [Fact]
    public async Task A_next_page_on_another_host_is_not_followed_and_the_cache_stays()
    {
        var (connector, waba, token) = await AddConnectorAsync();
        app.Graph.SetTemplates(waba, 1, OrderUpdate, new StandInTemplate("second", "cs", "Druhá"));
        app.Graph.PointNextTemplatePagesAt(waba, "http://127.0.0.2:9");
        var admin = await SignedInAsync(UserRole.Administrator, "en");

        var response = await PostFetchAsync(admin, connector.Id);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("not on the Graph API's host", Text(await response.Content.ReadAsStringAsync(), "templates-error"), StringComparison.Ordinal);
        Assert.Single(app.Graph.TemplateRequests, r => r.WabaId == waba);
        Assert.Empty(await StoredAsync(connector.Id));
        Assert.Contains("Bearer " + token, app.Graph.SeenTokens);
    }

    [Theory]
    [InlineData(false, true, "en", "Templates were not fetched: this connector has no WhatsApp Business account id. Enter it above and save.")]
    [InlineData(true, false, "en", "Templates were not fetched: this connector has no access token. Enter it above and save.")]
    [InlineData(false, true, "cs", "Šablony nebyly načteny: konektor nemá ID účtu WhatsApp Business. Vyplňte ho výše a uložte.")]
    [InlineData(true, false, "cs", "Šablony nebyly načteny: konektor nemá přístupový token. Zadejte ho výše a uložte.")]
    public async Task Without_a_business_account_id_or_an_access_token_nothing_is_asked_of_WhatsApp(bool withAccount, bool withToken, string language, string message)
    {
        var (connector, waba, _) = await AddConnectorAsync(withAccount, withToken);
        app.Graph.SetTemplates(waba, OrderUpdate);
        var admin = await SignedInAsync(UserRole.Administrator, language);

        var response = await PostFetchAsync(admin, connector.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(message, Text(await response.Content.ReadAsStringAsync(), "templates-error"));
        Assert.DoesNotContain(app.Graph.TemplateRequests, r => r.WabaId == waba);
        Assert.Empty(await StoredAsync(connector.Id));
    }

    [Theory]
    [InlineData(UserRole.Supervisor)]
    [InlineData(UserRole.Manager)]
    [InlineData(UserRole.Agent)]
    public async Task Only_administrators_may_fetch_templates(UserRole role)
    {
        var (connector, waba, _) = await AddConnectorAsync();
        app.Graph.SetTemplates(waba, OrderUpdate);
        var user = await SignedInAsync(role, "en");
        var token = HttpSignIn.AntiforgeryToken(await user.GetStringAsync("/listing/wap"));

        var response = await user.PostAsync($"/manage/connectors/{connector.Id}/templates", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(app.Graph.TemplateRequests, r => r.WabaId == waba);
        Assert.Empty(await StoredAsync(connector.Id));
    }

    [Fact]
    public async Task A_fetch_without_the_antiforgery_token_is_refused()
    {
        var (connector, waba, _) = await AddConnectorAsync();
        app.Graph.SetTemplates(waba, OrderUpdate);
        var admin = await SignedInAsync(UserRole.Administrator, "en");

        var response = await admin.PostAsync($"/manage/connectors/{connector.Id}/templates", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(app.Graph.TemplateRequests, r => r.WabaId == waba);
        Assert.Empty(await StoredAsync(connector.Id));
    }

    [Fact]
    public async Task A_missing_connector_is_not_found()
    {
        var admin = await SignedInAsync(UserRole.Administrator, "en");

        Assert.Equal(HttpStatusCode.NotFound, (await PostFetchAsync(admin, 987654321, page: "/manage/connectors")).StatusCode);
    }

    [Fact]
    public async Task Template_texts_from_WhatsApp_are_shown_encoded()
    {
        var (connector, waba, _) = await AddConnectorAsync();
        app.Graph.SetTemplates(waba, new StandInTemplate("hostile", "cs", "<script>alert('body')</script> {{1}} <img src=x onerror=alert(1)>", Category: "<b>UTILITY</b>"));
        var admin = await SignedInAsync(UserRole.Administrator, "en");
        ManageHttp.RedirectTarget(await PostFetchAsync(admin, connector.Id));

        var page = await admin.GetOkAsync($"/manage/connectors/{connector.Id}");

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>UTILITY", page, StringComparison.Ordinal);
        Assert.Equal("<script>alert('body')</script> {{1}} <img src=x onerror=alert(1)>", Text(page, "template-body"));
    }

    [BrowserFact]
    public async Task An_administrator_fetches_templates_in_the_browser_and_reads_them_in_English_and_Czech()
    {
        var (connector, waba, _) = await AddConnectorAsync();
        app.Graph.SetTemplates(
            waba,
            OrderUpdate,
            new StandInTemplate("order_update", "en_US", "Hello {{1}}, your order {{2}} is on its way."),
            new StandInTemplate("missed_chat_followup", "cs", "Dobrý den, omlouváme se, že jsme Vám nestihli odpovědět. Ozvěte se prosím znovu, rádi pomůžeme s {{1}}.", Header: new { type = "HEADER", format = "TEXT", text = "Zmeškaný chat" }),
            new StandInTemplate("spring_sale", "cs", "Jarní výprodej: sleva {{1}} % na vše do {{2}}.", Category: "MARKETING"),
            new StandInTemplate("login_code", "en_US", "{{1}} is your verification code.", Category: "AUTHENTICATION", Buttons: [new { type = "OTP", otp_type = "COPY_CODE", text = "Copy code" }]),
            new StandInTemplate("new_collection", "cs", "Nová kolekce {{1}}", Header: new { type = "HEADER", format = "IMAGE" }));
        foreach (var (language, locale) in new[] { ("en", "en-US"), ("cs", "cs-CZ") })
        {
            var user = await new TestData(app.ConnectionString).AddUserAsync(UserRole.Administrator, language: language, allQueues: true, allUsers: true);
            await using var browser = await BrowserSession.OpenAsync(app.Http.BaseAddress!.ToString().TrimEnd('/'), locale);
            var page = browser.Page;
            await page.SignInAsync(user.UserName!);
            await page.GotoAsync($"/manage/connectors/{connector.Id}");

            await page.ClickAsync("[data-testid=templates-fetch] button[type=submit]");

            await page.WaitForSelectorAsync("[data-testid=templates-done]");
            Assert.EndsWith("#templates", page.Url, StringComparison.Ordinal);
            Assert.Equal(4, await page.Locator("[data-testid=templates-table] tbody tr").CountAsync());
            Assert.Equal(
                language == "en" ? "4 templates fetched, 2 skipped (parameters this app cannot fill)." : "Načteny 4 šablony, 2 vynechány (mají parametry, které aplikace neumí vyplnit).",
                (await page.Locator("[data-testid=templates-done]").InnerTextAsync()).Trim());
            await page.SaveScreenshotAsync($"manage-connector-templates-{language}");
        }
    }

    private static string Text(string html, string testId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"data-testid=\"{testId}\">([^<]*)<");
        Assert.True(match.Success, $"No {testId} in the page.");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private static List<(int, string, string, string, int, DateTimeOffset)> Rows(List<WhatsAppTemplate> templates) =>
        templates.Select(t => (t.Id, t.Name, t.Language, t.Body, t.ParameterCount, t.FetchedAt)).ToList();

    private async Task<(Connector Connector, string Waba, string Token)> AddConnectorAsync(bool withAccount = true, bool withToken = true)
    {
        var waba = "10" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var token = "EAAG-templates-" + TestData.Suffix();
        var connector = new Connector
        {
            Name = "Templates " + TestData.Suffix(),
            PhoneNumber = "+420800555777",
            WhatsAppBusinessAccountId = withAccount ? waba : null,
            ProtectedAccessToken = withToken ? app.App.Services.GetRequiredService<ConnectorSecrets>().Protect(token) : null,
        };
        await using var db = app.OpenDb();
        db.Connectors.Add(connector);
        await db.SaveChangesAsync();
        return (connector, waba, token);
    }

    private async Task<List<WhatsAppTemplate>> StoredAsync(int connectorId)
    {
        await using var db = app.OpenDb();
        return await db.WhatsAppTemplates.AsNoTracking().Where(t => t.ConnectorId == connectorId).OrderBy(t => t.Name).ThenBy(t => t.Language).ToListAsync();
    }

    private async Task<HttpClient> SignedInAsync(UserRole role, string language)
    {
        var user = await new TestData(app.ConnectionString).AddUserAsync(role, language: language, allQueues: true, allUsers: true);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.Http.BaseAddress };
        await client.SignInAsync(user.UserName!);
        return client;
    }

    /// <summary>Clicks "Fetch templates from WhatsApp" the way the browser does: the form's token from the edit page.</summary>
    private static Task<HttpResponseMessage> PostFetchAsync(HttpClient admin, int connectorId, string? page = null) =>
        admin.PostAsync(page ?? $"/manage/connectors/{connectorId}", $"/manage/connectors/{connectorId}/templates");
}
