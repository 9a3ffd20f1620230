using System.Net;
using System.Text.RegularExpressions;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Detail;

public static partial class DetailSupport
{
    /// <summary>When the chats made for detail tests happen: two hours before the demo instant, today.</summary>
    public static readonly DateTimeOffset ChatTime = TestClock.DemoNow.AddHours(-2);

    /// <summary>The detail page (shared link) of an interaction or activity.</summary>
    public static string Page(string name) => $"/listing/activities/?activityDetail={name}";

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>A queue (with a WhatsApp connector of its own) and a Czech supervisor who sees exactly that queue.</summary>
    public static async Task<(User Supervisor, Queue Queue)> SupervisorWithQueueAsync(this TestData data)
    {
        var connector = await data.AddConnectorAsync($"WhatsApp {TestData.Suffix()}", "+420800999888");
        var queue = await data.AddQueueAsync(connector: connector);
        var supervisor = await data.AddUserAsync(UserRole.Supervisor, language: "cs", displayName: "Soňa Testová", grants: [RightsGrant.ForQueue(queue.Id)]);
        return (supervisor, queue);
    }

    /// <summary>A user of the role who sees the queue (its Rights tab holds it).</summary>
    public static Task<User> UserSeeingAsync(this TestData data, UserRole role, Queue queue) =>
        data.AddUserAsync(role, language: "cs", grants: [RightsGrant.ForQueue(queue.Id)]);

    public static string? SelectedActivity(string html) => SelectedPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The activity list's names, top to bottom.</summary>
    public static List<string> Activities(string html) => ActivityPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The shareable link the Activity tab offers.</summary>
    public static string? ShareableLink(string html) =>
        ShareLinkPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>The names of the contacts the pairing panel found.</summary>
    public static List<string> ContactResults(string html) =>
        ContactResultPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"status-page\"", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("data-activity=\"(activities_[0-9a-f]+)\" aria-current=\"true\"")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("<tr[^>]* data-activity=\"(activities_[0-9a-f]+)\"")]
    private static partial Regex ActivityPattern();

    [GeneratedRegex("id=\"share-link\" readonly value=\"([^\"]*)\"")]
    private static partial Regex ShareLinkPattern();

    [GeneratedRegex("data-testid=\"contact-result\">(?:.|\\n)*?</form>\\s*<span>([^<]*)</span>")]
    private static partial Regex ContactResultPattern();
}
