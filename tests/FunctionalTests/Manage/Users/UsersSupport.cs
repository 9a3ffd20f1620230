using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Manage.Users;

/// <summary>Forms and pages of Manage → Users as an HTTP client sees them.</summary>
public static partial class UsersSupport
{
    public const string StrongPassword = "Nov3-Heslo!x";

    public static string ProfileUrl(int id) => $"/manage/users/{id}";

    public static async Task<HttpClient> SignedInAsync(this WapListingAppFactory app, User user, string password = TestData.Password)
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!, password);
        return client;
    }

    /// <summary>Posts a form of <paramref name="pageUrl"/> (its antiforgery token included) to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", HttpSignIn.AntiforgeryToken(page)) };
        return await client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static Dictionary<string, string> NewUserForm(string userName, string displayName, UserRole role = UserRole.Agent, string? password = null, string timeZone = "Europe/Prague", string language = "") =>
        new()
        {
            ["UserName"] = userName,
            ["DisplayName"] = displayName,
            ["Role"] = role.ToString(),
            ["TimeZoneId"] = timeZone,
            ["Language"] = language,
            ["Mode"] = password is null ? "Generate" : "Typed",
            ["Password"] = password ?? string.Empty,
        };

    public static Task<HttpResponseMessage> CreateUserAsync(this HttpClient client, Dictionary<string, string> form) =>
        client.PostFormAsync("/manage/users/new", "/manage/users/new", form);

    /// <summary>The profile form's fields as the page shows them (Version included), for a test to change and post back.</summary>
    public static async Task<Dictionary<string, string>> ProfileFormAsync(this HttpClient client, int id)
    {
        var html = await client.GetStringAsync(ProfileUrl(id));
        return ProfileFields(html);
    }

    public static Dictionary<string, string> ProfileFields(string html)
    {
        var form = html[html.IndexOf("data-testid=\"profile-form\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(form),
            ["Version"] = VersionPattern().Match(form).Groups[1].Value,
            ["UserName"] = InputValue(form, "UserName"),
            ["DisplayName"] = InputValue(form, "DisplayName"),
            ["Role"] = SelectedValue(form, "Role"),
            ["TimeZoneId"] = SelectedValue(form, "TimeZoneId"),
            ["Language"] = SelectedValue(form, "Language"),
        };
    }

    public static Task<HttpResponseMessage> PostProfileAsync(this HttpClient client, int id, Dictionary<string, string> fields) =>
        client.PostAsync(ProfileUrl(id), new FormUrlEncodedContent(fields));

    public static Task<HttpResponseMessage> DeactivateAsync(this HttpClient client, int id) =>
        client.PostFormAsync(ProfileUrl(id), $"/manage/users/{id}/deactivate", []);

    public static Task<HttpResponseMessage> ReactivateAsync(this HttpClient client, int id) =>
        client.PostFormAsync(ProfileUrl(id), $"/manage/users/{id}/reactivate", []);

    public static Task<HttpResponseMessage> ResetPasswordAsync(this HttpClient client, int id, string? password) =>
        client.PostFormAsync(ProfileUrl(id), $"/manage/users/{id}/password", new Dictionary<string, string>
        {
            ["Mode"] = password is null ? "Generate" : "Typed",
            ["Password"] = password ?? string.Empty,
        });

    /// <summary>The password shown once on the page after creating a user or resetting one.</summary>
    public static string GeneratedPassword(string html) =>
        WebUtility.HtmlDecode(GeneratedPasswordPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No password shown."));

    /// <summary>The messages next to a field (the field's block of the form, tags stripped), decoded.</summary>
    public static string ErrorsOf(string html, string field)
    {
        var start = html.IndexOf($"data-testid=\"error-{field}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No error place of {field}.");
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal);
        var end2 = html.IndexOf("</fieldset>", start, StringComparison.Ordinal);
        if (end2 >= 0 && (end < 0 || end2 < end))
        {
            end = end2;
        }

        return WebUtility.HtmlDecode(TagPattern().Replace(html[start..end], " ").Replace("data-testid=\"error-" + field + "\"", "", StringComparison.Ordinal));
    }

    public static string Decoded(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The users' logins on a list page, top to bottom.</summary>
    public static List<string> ListedLogins(string html) =>
        RowPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static async Task<List<AuditEntry>> AuditOfAsync(this WapListingDbContext db, string action, int userId)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
        return entries.Where(a => Detail(a).GetProperty("id").GetInt32() == userId).ToList();
    }

    public static JsonElement Detail(AuditEntry entry) => JsonDocument.Parse(entry.Detail!).RootElement.Clone();

    /// <summary>An object of the audit's detail as "key=value" pairs in key order, e.g. <c>active=true,role=Agent</c>.</summary>
    public static string Values(AuditEntry entry, string part) =>
        string.Join(",", Detail(entry).GetProperty(part).EnumerateObject()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())));

    private static string InputValue(string form, string name)
    {
        var match = Regex.Match(form, $"<input[^>]* id=\"{name}\"[^>]* value=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : string.Empty;
    }

    private static string SelectedValue(string form, string name)
    {
        var start = Regex.Match(form, $"<select[^>]* id=\"{name}\"");
        Assert.True(start.Success, name);
        var select = form[start.Index..form.IndexOf("</select>", start.Index, StringComparison.Ordinal)];
        var match = Regex.Match(select, "<option value=\"([^\"]*)\"[^>]* selected=\"selected\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : string.Empty;
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("data-testid=\"generated-password\">([^<]+)<")]
    private static partial Regex GeneratedPasswordPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("<tr data-user=\"([^\"]*)\"")]
    private static partial Regex RowPattern();
}
