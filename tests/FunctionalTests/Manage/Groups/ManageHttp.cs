using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage.Groups;

/// <summary>Posts Manage forms the way a browser does, and reads back what the pages and the audit show.</summary>
public static partial class ManageHttp
{
    /// <summary>An administrator who reads English, signed in on a fresh client.</summary>
    public static async Task<HttpClient> AdministratorAsync(WapListingAppFactory app, TestData data)
    {
        var administrator = await data.AddUserAsync(UserRole.Administrator, language: "en", allQueues: true, allUsers: true);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(administrator.UserName!);
        return client;
    }

    /// <summary>Posts <paramref name="fields"/> (names may repeat, like ticked boxes) to <paramref name="url"/> with a token read from <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string page, string url, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", HttpSignIn.AntiforgeryToken(html)) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<string> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The redirect's target, asserting it is one.</summary>
    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The version (xmin) the first form of the page carries.</summary>
    public static string Version(string html) => VersionPattern().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("No Version field in the page.");

    /// <summary>The text shown under a field (its validation message), decoded.</summary>
    public static string FieldError(string html, string field) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"data-testid=\"error-{field}\"><span[^>]*>([^<]*)</span>").Groups[1].Value).Trim();

    public static List<string> FormErrors(string html) =>
        FormErrorPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The ids of the ticked boxes named <paramref name="name"/>.</summary>
    public static List<int> Ticked(string html, string name) =>
        Regex.Matches(html, $"<input class=\"form-check-input\" type=\"checkbox\" name=\"{name}\" value=\"(\\d+)\"[^>]*checked=\"checked\"")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The ids offered as boxes named <paramref name="name"/>.</summary>
    public static List<int> Offered(string html, string name) =>
        Regex.Matches(html, $"type=\"checkbox\" name=\"{name}\" value=\"(\\d+)\"")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The audit entries of <paramref name="action"/> about <paramref name="subjectId"/>, oldest first, their detail parsed.</summary>
    public static async Task<List<JsonElement>> AuditAsync(string connectionString, string action, int subjectId)
    {
        await using var db = TestDatabases.Open(connectionString);
        var details = await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
        return details
            .Select(d => JsonDocument.Parse(d!).RootElement.Clone())
            .Where(d => d.GetProperty("id").GetInt32() == subjectId)
            .ToList();
    }

    /// <summary>The compact JSON at a dotted path of an audit detail, e.g. <c>after.members</c> → <c>[3,5]</c>.</summary>
    public static string At(this JsonElement detail, string path) =>
        JsonSerializer.Serialize(path.Split('.').Aggregate(detail, (element, name) => element.GetProperty(name)));

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("data-testid=\"form-error\">([^<]*)<")]
    private static partial Regex FormErrorPattern();
}
