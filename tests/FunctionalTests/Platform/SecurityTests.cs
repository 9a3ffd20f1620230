using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Web.Authorization;
using WapListing.Web.Hosting;

namespace WapListing.FunctionalTests.Platform;

public sealed class SecurityTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/listing/wap")]
    [InlineData("/health/live")]
    [InlineData("/no/such/page")]
    [InlineData("/css/site.css")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var app = new WapListingAppFactory(database.ConnectionString);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.Equal("'self' data:", directives["img-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security")); // the test environment talks plain HTTP
    }

    [Fact]
    public async Task Pages_hold_no_inline_scripts_styles_or_event_handlers()
    {
        using var app = new WapListingAppFactory(database.ConnectionString);
        var client = app.CreateBrowserLikeClient();
        var pages = new Dictionary<string, string> { ["login"] = await client.GetStringAsync("/account/login") };
        await client.SignInAsync("admin");
        var listing = await client.GetStringAsync("/listing/wap");
        var name = Regex.Match(listing, "<tr data-name=\"(wap_[0-9a-f]+)\"").Groups[1].Value;
        Assert.NotEmpty(name);
        pages["listing"] = listing;
        foreach (var path in new[]
                 {
                     $"/listing/activities/?activityDetail={name}", $"/listing/activities/?activityDetail={name}&pair=1",
                     $"/listing/activities/anonymize?activityDetail={name}", "/listing/wap/export", "/manage", "/no/such/page", "/account/denied",
                 })
        {
            pages[path] = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
        }

        foreach (var (page, html) in pages)
        {
            Assert.True(html.Contains("</html>", StringComparison.Ordinal), $"{page} is not a whole page");
            // Only inside tags: chat texts like "<img onerror=…>" arrive HTML-encoded and form no tag.
            Assert.False(Regex.IsMatch(html, @"<script(?![^>]*\bsrc=)[^>]*>"), $"{page} has an inline script");
            Assert.False(Regex.IsMatch(html, @"<[a-zA-Z][^>]*\son[a-z]+\s*="), $"{page} has an inline event handler");
            Assert.False(Regex.IsMatch(html, @"<[a-zA-Z][^>]*\sstyle\s*="), $"{page} has an inline style");
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Every_post_action_a_cookie_can_reach_validates_the_antiforgery_token()
    {
        using var app = new WapListingAppFactory(database.ConnectionString);
        var mvc = app.Services.GetRequiredService<IOptions<MvcOptions>>().Value;
        Assert.Contains(mvc.Filters, f => f is AutoValidateAntiforgeryTokenAttribute);

        var postActions = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<HttpPostAttribute>().Any()))
            .ToList();
        Assert.NotEmpty(postActions);
        Assert.All(postActions, action =>
        {
            if (action.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is null && action.DeclaringType!.GetCustomAttribute<IgnoreAntiforgeryTokenAttribute>() is null)
            {
                return;
            }

            // Machine endpoints only: an API controller that a cookie cannot authenticate — the signed WhatsApp webhook,
            // or actions whose every policy accepts API keys alone.
            var controller = action.DeclaringType!;
            Assert.NotNull(controller.GetCustomAttribute<ApiControllerAttribute>());
            var route = controller.GetCustomAttribute<RouteAttribute>()?.Template ?? string.Empty;
            var policies = controller.GetCustomAttributes<AuthorizeAttribute>().Concat(action.GetCustomAttributes<AuthorizeAttribute>()).Select(a => a.Policy).ToList();
            var signedWebhook = route.StartsWith("webhooks/", StringComparison.Ordinal) && controller.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            var apiKeysOnly = route.StartsWith("api/", StringComparison.Ordinal) && policies.Count > 0
                && policies.All(p => p is Policies.Api or Policies.ApiRead or Policies.ApiIngest);
            Assert.True(signedWebhook || apiKeysOnly, $"{controller.Name}.{action.Name} skips antiforgery but a cookie could reach it");
        });
    }

    [Fact]
    public async Task Outside_development_http_is_redirected_to_https_and_https_answers_with_hsts()
    {
        using var app = new WapListingAppFactory(database.ConnectionString) { RequireHttps = true };
        var http = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://waplisting.example") });
        var redirect = await http.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://waplisting.example/account/login", redirect.Headers.Location?.ToString());

        var https = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://waplisting.example") });
        var page = await https.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", null, false)]
    [InlineData("Testing", null, false)]
    [InlineData("Testing", "true", true)]
    public void Https_is_required_outside_development_and_tests_unless_configured_otherwise(string environment, string? setting, bool expected)
    {
        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new($"{SecurityOptions.Section}:{nameof(SecurityOptions.RequireHttps)}", setting)])
            .Build()
            .GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var host = new HostingEnvironment { EnvironmentName = environment };
        Assert.Equal(expected, TransportSecurity.RequiresHttps(options, host));
    }

    [Theory]
    [InlineData("/account/logout")]
    [InlineData("/account/language")]
    [InlineData("/account/login")]
    public async Task A_post_without_the_antiforgery_token_is_refused(string path)
    {
        using var app = new WapListingAppFactory(database.ConnectionString);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["UserName"] = "admin",
            ["Password"] = HttpSignIn.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/listing/wap")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        using var app = new WapListingAppFactory(database.ConnectionString) { LoginPermitsPerMinute = 3 };
        var client = app.CreateBrowserLikeClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.PostLoginAsync("nobody", "wrong-password"));
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            responses.Select(r => r.StatusCode));
        var refused = responses[^1];
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync());

        // Only sign-in attempts are limited: the rest of the app still answers.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task A_cookie_issued_by_one_app_node_is_accepted_by_another_over_the_same_database()
    {
        string cookie;
        using (var first = new WapListingAppFactory(database.ConnectionString))
        {
            var client = first.CreateBrowserLikeClient();
            var login = await client.PostLoginAsync("manager", HttpSignIn.DemoPassword);
            Assert.Equal(HttpStatusCode.Found, login.StatusCode);
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waplisting.auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        using var second = new WapListingAppFactory(database.ConnectionString);
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/listing/wap");
        request.Headers.Add("Cookie", cookie);
        var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Marek Manažer", await response.Content.ReadAsStringAsync());
    }
}
