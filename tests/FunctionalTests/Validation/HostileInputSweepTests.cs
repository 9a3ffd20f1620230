using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Detail;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Validation;

/// <summary>
/// No request crashes on what it is given: every route of the app, read from its own action descriptors (so a new route is
/// swept without touching this test), gets each hostile value in each of its parameters — route values, query parameters,
/// form fields of request records — signed in as an administrator, POSTs with a valid antiforgery token. Every answer
/// must be below 500 and its body must read to the end (no response aborted halfway). The app runs on a real Kestrel port,
/// so the values travel as a browser would send them, through the same server that answers in production.
/// </summary>
public sealed partial class HostileInputSweepTests(HostileInputSweepTests.KestrelApp demo) : IClassFixture<HostileInputSweepTests.KestrelApp>
{
    /// <summary>Hostile values as they travel in a URL or form body (already percent-encoded).</summary>
    public static readonly IReadOnlyList<(string Label, string Encoded)> HostileValues =
    [
        ("NUL", "%00"),
        ("NUL inside", "a%00b"),
        ("lone high surrogate (WTF-8)", "%ED%A0%80"),
        ("lone low surrogate (WTF-8)", "%ED%B0%80"),
        ("lone surrogate escape text", "%5CuD800"),
        ("invalid UTF-8 byte", "%FF"),
        ("overlong UTF-8", "%C0%AE%C0%AE%2F"),
        ("control characters", "%01%08%1B%7F%C2%85"),
        ("10 kB string", new string('a', 10_240)),
        ("10 kB of two-byte letters", string.Concat(Enumerable.Repeat("%C5%99", 5_120))),
        ("text cut inside an emoji", new string('a', 199) + "%F0%9F%98%80"),
        ("SQL", "x%27%3B%20DROP%20TABLE%20users%3B--"),
        ("very long number", "999999999999999999999999999999999999"),
        ("negative id", "-1"),
        ("zero", "0"),
        ("path traversal", "..%2F..%2Fetc%2Fpasswd"),
        ("space only", "%20"),
    ];

    [Fact]
    public async Task No_route_answers_5xx_or_aborts_on_hostile_values_in_any_parameter()
    {
        var (chat, activity) = await ChatAsync();
        var baseline = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["activityDetail"] = chat.Name,
            ["name"] = chat.Name,
            ["activity"] = activity.Name,
            ["UserName"] = "sweep_nobody_" + TestData.Suffix(),
            ["Password"] = "not-the-password",
        };
        var targets = SweptActions(demo.Factory.Services);
        AssertDiscovered(targets);

        using var client = demo.CreateClient();
        await client.SignInAsync("admin");
        var token = HttpSignIn.AntiforgeryToken(await client.GetStringAsync(DetailSupport.Page(chat.Name)));

        // A control: with that token a well-formed form does reach its action (a redirect back to the detail), so the
        // sweep's POSTs are not all stopped by the antiforgery check before reaching the code under test.
        using (var control = await client.PostAsync("/listing/activities/qa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["activity"] = activity.Name,
            ["Score"] = "50",
        })))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, control.StatusCode);
        }

        var failures = new List<string>();
        var requests = 0;
        foreach (var target in targets)
        {
            foreach (var parameter in target.Parameters)
            {
                foreach (var (label, value) in HostileValues)
                {
                    var fields = target.Parameters
                        .Where(p => !p.InRoute && p.Name != parameter.Name && baseline.ContainsKey(p.Name))
                        .Select(p => (p.Name, Value: baseline[p.Name]))
                        .ToList();
                    if (!parameter.InRoute)
                    {
                        fields.Add((parameter.Name, value));
                    }

                    var path = "/" + RouteValue().Replace(target.Template, m =>
                        m.Groups[1].Value == parameter.Name && parameter.InRoute ? value : "1");
                    var outcome = await SendAsync(client, target.Method, path, fields, token);
                    requests++;
                    if (outcome is not null)
                    {
                        failures.Add($"{target.Method} /{target.Template} {parameter.Name}={label}: {outcome}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>The answer's fault, or null when it is below 500 and its body reads to the end.</summary>
    private static async Task<string?> SendAsync(HttpClient client, string method, string path, List<(string Name, string Value)> fields, string token)
    {
        var encoded = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + f.Value));
        using var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, encoded.Length == 0 ? path : path + "?" + encoded)
            : new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new StringContent(
                    "__RequestVerificationToken=" + Uri.EscapeDataString(token) + (encoded.Length == 0 ? "" : "&" + encoded),
                    Encoding.ASCII,
                    "application/x-www-form-urlencoded"),
            };
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            return (int)response.StatusCode >= 500 ? $"{(int)response.StatusCode} ({body.Length} bytes)" : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or InvalidOperationException)
        {
            return $"aborted: {exception.GetType().Name}: {exception.Message}";
        }
    }

    /// <summary>Every controller action with at least one parameter a client can send, with the names it binds.</summary>
    private static List<SweptAction> SweptActions(IServiceProvider services)
    {
        var descriptors = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items;
        var actions = new List<SweptAction>();
        foreach (var descriptor in descriptors.OfType<ControllerActionDescriptor>())
        {
            var template = descriptor.AttributeRouteInfo?.Template
                ?? throw new InvalidOperationException($"{descriptor.DisplayName} has no attribute route; the sweep cannot address it.");
            var methods = descriptor.EndpointMetadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).Distinct().ToList();
            var routeNames = RouteValue().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var parameters = routeNames.Select(name => new SweptParameter(name, InRoute: true))
                .Concat(descriptor.Parameters.SelectMany(p => Bound(p, routeNames)))
                .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (parameters.Count == 0)
            {
                continue;
            }

            foreach (var method in methods.Count == 0 ? ["GET"] : methods)
            {
                actions.Add(new SweptAction(method, template, parameters));
            }
        }

        return actions;
    }

    private static IEnumerable<SweptParameter> Bound(ParameterDescriptor parameter, HashSet<string> routeNames)
    {
        var source = parameter.BindingInfo?.BindingSource;
        if (source == BindingSource.Services || source == BindingSource.Special || parameter.ParameterType == typeof(CancellationToken))
        {
            return [];
        }

        var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
        if (routeNames.Contains(name))
        {
            return [new SweptParameter(name, InRoute: true)];
        }

        if (IsSimple(parameter.ParameterType))
        {
            return [new SweptParameter(name, InRoute: false)];
        }

        return parameter.ParameterType
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => new SweptParameter(p.GetCustomAttributes().OfType<IModelNameProvider>().FirstOrDefault()?.Name ?? p.Name, InRoute: false));
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime) || underlying == typeof(Guid)
            || (underlying.IsArray && IsSimple(underlying.GetElementType()!));
    }

    /// <summary>The discovery must find the routes and parameters the issue names, or the sweep would prove nothing.</summary>
    private static void AssertDiscovered(List<SweptAction> targets)
    {
        string[] expected =
        [
            "GET listing/wap contact", "GET listing/wap text", "GET listing/wap wacontact", "GET listing/wap name", "GET listing/wap selected",
            "GET listing/activities activityDetail", "GET listing/activities q", "GET listing/activities/anonymize name",
            "GET listing/wap/export/download selected", "GET listing/wap/export/download column", "GET crm/contacts/{id:int} id", "GET error/{status:int:range(400,599)} status",
            "POST listing/activities/create-contact Name", "POST listing/activities/create-contact Phone", "POST listing/activities/create-contact Email",
            "POST listing/activities/ticket Title", "POST listing/activities/qa Comment", "POST listing/activities/pair ContactId",
            "POST listing/activities/anonymize Name", "POST account/login UserName",
        ];
        var found = targets.SelectMany(t => t.Parameters.Select(p => $"{t.Method} {t.Template} {p.Name}")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = expected.Where(e => !found.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "The sweep did not find: " + string.Join(", ", missing));
    }

    /// <summary>A chat with an activity in a queue, for the parameters that need a real name next to the hostile one.</summary>
    private async Task<(Interaction Chat, Activity Activity)> ChatAsync()
    {
        var queue = await demo.Data.AddQueueAsync();
        var agent = await demo.Data.AddUserAsync(UserRole.Agent);
        var chat = await demo.Data.AddInteractionAsync(queue, DetailSupport.ChatTime, i => i.CustomerNumber = "+420601000222");
        var activity = await demo.Data.AddActivityAsync(chat, agent, DetailSupport.ChatTime.AddMinutes(1));
        return (chat, activity);
    }

    /// <summary>The app over its own demo database, served on a free Kestrel port.</summary>
    public sealed class KestrelApp : IAsyncLifetime
    {
        private readonly DemoDatabaseFixture _database = new();
        private WapListingAppFactory? _factory;
        private string _baseUrl = string.Empty;

        public WapListingAppFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

        public TestData Data => _database.Data;

        public async Task InitializeAsync()
        {
            await _database.InitializeAsync();
            _factory = new WapListingAppFactory(_database.ConnectionString);
            _baseUrl = _factory.StartOnRealPort();
        }

        public async Task DisposeAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }

            await _database.DisposeAsync();
        }

        /// <summary>A client with its own cookies that does not follow redirects.</summary>
        public HttpClient CreateClient() =>
            new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
            {
                BaseAddress = new Uri(_baseUrl),
            };
    }

    [GeneratedRegex("\\{\\*?([A-Za-z0-9_]+)[^}]*\\}")]
    private static partial Regex RouteValue();

    private sealed record SweptAction(string Method, string Template, List<SweptParameter> Parameters);

    private sealed record SweptParameter(string Name, bool InRoute);
}
