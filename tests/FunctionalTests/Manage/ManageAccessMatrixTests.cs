using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage;

/// <summary>
/// DESIGN §4's access table for Manage: every Manage endpoint the app maps (found from its routing, so a new page cannot
/// slip past) × every role. Administrators get in; supervisors, managers and agents get 403 with the seed's
/// "ask your manager" page; anonymous visitors are sent to sign in.
/// </summary>
public sealed partial class ManageAccessMatrixTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private const int MissingId = 987654321;

    public static TheoryData<string> RefusedRoles => new() { "supervisor", "manager", "agent" };

    [Fact]
    public void The_matrix_covers_every_manage_page_and_form()
    {
        var endpoints = ManageEndpoints();

        string[] expected =
        [
            "GET manage", "GET manage/users", "GET manage/users/{id}", "GET manage/users/{id}/rights", "POST manage/users/{id}/rights",
            "GET manage/users/{id}/groups", "GET manage/user-groups", "GET manage/queue-groups", "GET manage/queues",
            "GET manage/connectors", "GET manage/api-keys", "GET manage/inbox", "POST manage/inbox/{id}/retry", "GET manage/audit",
        ];
        var found = endpoints.Select(e => $"{e.Method} {Regex.Replace(e.Pattern, @"\{(\w+)(:[^}]*)?\}", "{$1}")}").ToHashSet();
        Assert.All(expected, route => Assert.Contains(route, found));
        Assert.Contains(endpoints, e => e.Method == "POST" && e.Pattern.StartsWith("manage/users", StringComparison.Ordinal));
        var declared = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Name.StartsWith("Manage", StringComparison.Ordinal) && t.Name.EndsWith("Controller", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods())
            .Sum(m => m.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute), inherit: false).Length);
        Assert.True(endpoints.Count >= declared, $"{endpoints.Count} endpoints found, {declared} declared");
    }

    [Theory]
    [MemberData(nameof(RefusedRoles))]
    public async Task Only_administrators_may_use_any_manage_endpoint(string login)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(login);
        var token = HttpSignIn.AntiforgeryToken(await client.GetStringAsync("/listing/wap"));

        foreach (var endpoint in ManageEndpoints())
        {
            var response = await SendAsync(client, endpoint, token);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{login}: {endpoint.Method} /{endpoint.Pattern} answered {(int)response.StatusCode}");
            if (endpoint.Method == "GET")
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("data-testid=\"ask-your-manager\"", html);
            }
        }
    }

    [Fact]
    public async Task Administrators_get_past_the_access_check_of_every_manage_endpoint()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var token = HttpSignIn.AntiforgeryToken(await client.GetStringAsync("/manage"));

        foreach (var endpoint in ManageEndpoints())
        {
            var response = await SendAsync(client, endpoint, token);

            Assert.False(
                response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized or HttpStatusCode.Redirect && IsSignInRedirect(response),
                $"admin: {endpoint.Method} /{endpoint.Pattern} answered {(int)response.StatusCode}");
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, $"admin: {endpoint.Method} /{endpoint.Pattern} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var client = demo.App.CreateBrowserLikeClient();

        foreach (var endpoint in ManageEndpoints().Where(e => e.Method == "GET"))
        {
            var response = await SendAsync(client, endpoint, token: null);

            Assert.True(IsSignInRedirect(response), $"anonymous: GET /{endpoint.Pattern} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("en", "Rights are set in Manage → Users → Rights → your user → tabs Users and Queues. If you cannot reach these settings, ask your manager.")]
    [InlineData("cs", "Práva nastavíte v Spravovat → Uživatelé → Práva → váš uživatel → záložky Uživatelé a Fronty. Pokud k těmto nastavením nemáte přístup, požádejte svého manažera.")]
    public async Task The_ask_your_manager_page_speaks_the_viewers_language(string culture, string seedWords)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("agent");
        var token = HttpSignIn.AntiforgeryToken(await client.GetStringAsync("/listing/wap"));
        await client.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = culture,
        }));

        var response = await client.GetAsync("/manage");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(seedWords, html);
    }

    private static bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, ManageEndpoint endpoint, string? token)
    {
        var url = "/" + RouteParameter().Replace(endpoint.Pattern, MissingId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (endpoint.Method == "GET")
        {
            return client.GetAsync(url);
        }

        var fields = token is null ? [] : new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        return client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), url) { Content = new FormUrlEncodedContent(fields) });
    }

    private IReadOnlyList<ManageEndpoint> ManageEndpoints()
    {
        var sources = demo.App.Services.GetServices<EndpointDataSource>();
        return sources
            .SelectMany(s => s.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && Regex.IsMatch(raw.TrimStart('/'), "^manage(/|$)"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new ManageEndpoint(m, e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record ManageEndpoint(string Method, string Pattern);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
