using System.Net;
using System.Text.RegularExpressions;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage.Rights;

/// <summary>The Rights page of Manage as an HTTP client uses it: read it, preview or save a selection with the page's token and version.</summary>
public static partial class RightsForms
{
    public static string PageUrl(int userId, string query = "") => $"/manage/users/{userId}/rights{(query.Length == 0 ? "" : "?" + query)}";

    public static async Task<string> GetPageAsync(HttpClient client, int userId, string query = "")
    {
        var response = await client.GetAsync(PageUrl(userId, query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Saves the selection as the page read now would send it (its token and version unless <paramref name="version"/> is given).</summary>
    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, int userId, IEnumerable<(string Name, string Value)> selection, uint? version = null) =>
        PostAsync(client, userId, "", selection, version);

    public static Task<HttpResponseMessage> PreviewAsync(HttpClient client, int userId, IEnumerable<(string Name, string Value)> selection) =>
        PostAsync(client, userId, "/preview", selection, null);

    /// <summary>Saves and expects the redirect back to the page with the "saved" notice.</summary>
    public static async Task SaveOkAsync(HttpClient client, int userId, params (string Name, string Value)[] selection)
    {
        using var response = await SaveAsync(client, userId, selection);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("done=saved", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    public static uint Version(string html) => uint.Parse(VersionPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A number of the effective result: <c>current</c> or <c>proposed</c>, of <c>users</c>, <c>queues</c> or <c>today</c>.</summary>
    public static int Count(string html, string column, string row)
    {
        var match = Regex.Match(html, $"data-testid=\"{column}-{row}\" data-count=\"(\\d+)\"");
        Assert.True(match.Success, $"no {column}-{row} in the page");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The ids of the boxes of a field (<c>QueueIds</c>…) the page lists, and which of them are ticked.</summary>
    public static List<(int Id, bool Checked)> Boxes(string html, string field) =>
        Regex.Matches(html, $"<input class=\"form-check-input\" type=\"checkbox\" name=\"{field}\" value=\"(\\d+)\" id=\"[^\"]+\"( checked=\"checked\")?")
            .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[2].Success))
            .ToList();

    public static string Notice(string html) =>
        WebUtility.HtmlDecode(NoticePattern().Match(html).Groups[1].Value).Trim();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int userId, string suffix, IEnumerable<(string Name, string Value)> selection, uint? version)
    {
        var page = await GetPageAsync(client, userId);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", HttpSignIn.AntiforgeryToken(page)),
            new("Version", (version ?? Version(page)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        fields.AddRange(selection.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(PageUrl(userId) + suffix, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("data-testid=\"notice\">([^<]*)<")]
    private static partial Regex NoticePattern();
}
