using System.Net;
using System.Text.RegularExpressions;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage.Audit;

/// <summary>Manage → Audit log: filters by actor, action and days, newest first, paged, details shown as text.</summary>
public sealed partial class AuditLogViewerTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private async Task<HttpClient> AdminAsync(string language = "en")
    {
        var admin = await demo.Data.AddUserAsync(UserRole.Administrator, language: language, allQueues: true, allUsers: true);
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(admin.UserName!);
        return client;
    }

    private async Task<List<AuditEntry>> AddEntriesAsync(params AuditEntry[] entries)
    {
        await using var db = demo.OpenDb();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
        return entries.ToList();
    }

    private static AuditEntry Entry(User? actor, string action, DateTimeOffset time, string? detail = null) =>
        new() { UserId = actor?.Id, Action = action, Time = time, Detail = detail };

    [Fact]
    public async Task It_shows_one_actors_entries_newest_first_in_pages_there_and_back()
    {
        var actor = await demo.Data.AddUserAsync(UserRole.Supervisor);
        var other = await demo.Data.AddUserAsync(UserRole.Supervisor);
        var start = TestClock.DemoNow.AddDays(-10);
        // 120 entries, several sharing one instant, so the page boundary has to break ties by id.
        var mine = await AddEntriesAsync(Enumerable.Range(0, 120).Select(i => Entry(actor, "test.paged", start.AddMinutes(i / 3))).ToArray());
        await AddEntriesAsync(Entry(other, "test.paged", start.AddMinutes(5)));
        var expected = mine.OrderByDescending(e => e.Time).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();
        var admin = await AdminAsync();

        var shown = new List<long>();
        var pages = new List<string>();
        var url = $"/manage/audit?actor={actor.Id}";
        while (url is not null)
        {
            var html = await admin.GetStringAsync(url);
            pages.Add(url);
            shown.AddRange(EntryIds(html));
            url = Link(html, "older");
        }

        Assert.Equal(expected, shown);
        Assert.Equal(3, pages.Count);
        var secondPage = await admin.GetStringAsync(pages[1]);
        Assert.Equal(expected[..50], EntryIds(await admin.GetStringAsync(Link(secondPage, "newer")!)));
        Assert.Null(Link(await admin.GetStringAsync(pages[0]), "newer"));
    }

    [Fact]
    public async Task It_filters_by_exact_action_and_by_action_prefix()
    {
        var s = TestData.Suffix();
        var actor = await demo.Data.AddUserAsync(UserRole.Administrator);
        var entries = await AddEntriesAsync(
            Entry(actor, $"t{s}.created", TestClock.DemoNow.AddHours(-3)),
            Entry(actor, $"t{s}.renamed", TestClock.DemoNow.AddHours(-2)),
            Entry(actor, $"u{s}.created", TestClock.DemoNow.AddHours(-1)));
        var admin = await AdminAsync();

        var exact = await admin.GetStringAsync($"/manage/audit?action=t{s}.created");
        Assert.Equal([entries[0].Id], EntryIds(exact));
        Assert.Contains($"<option value=\"t{s}.created\" selected=\"selected\">", exact);

        Assert.Equal([entries[1].Id, entries[0].Id], EntryIds(await admin.GetStringAsync($"/manage/audit?prefix=t{s}.")));
        Assert.Equal([entries[2].Id], EntryIds(await admin.GetStringAsync($"/manage/audit?prefix=u{s}&actor={actor.Id}")));
        Assert.Empty(EntryIds(await admin.GetStringAsync($"/manage/audit?prefix=t{s}.&action=u{s}.created")));
    }

    [Fact]
    public async Task Days_are_the_viewers_and_both_ends_are_included()
    {
        var actor = await demo.Data.AddUserAsync(UserRole.Manager);
        // Prague is UTC+1 in November: 22:30Z is still the 20th there, 23:30Z already the 21st.
        var entries = await AddEntriesAsync(
            Entry(actor, "test.days", new DateTimeOffset(2026, 11, 20, 22, 30, 0, TimeSpan.Zero)),
            Entry(actor, "test.days", new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero)),
            Entry(actor, "test.days", new DateTimeOffset(2026, 11, 22, 22, 59, 0, TimeSpan.Zero)),
            Entry(actor, "test.days", new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero)));
        var admin = await AdminAsync("cs");

        var html = await admin.GetStringAsync($"/manage/audit?actor={actor.Id}&from=2026-11-21&to=2026-11-22");

        Assert.Equal([entries[2].Id, entries[1].Id], EntryIds(html));
        Assert.Contains("22.11.2026 23:59", html.Replace("\u00a0", " ", StringComparison.Ordinal).Replace(". ", ".", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal([entries[1].Id, entries[0].Id], EntryIds(await admin.GetStringAsync($"/manage/audit?actor={actor.Id}&to=2026-11-21")));
    }

    [Theory]
    [InlineData("from=yesterday", "„From (day)“ was not valid; it was ignored.")]
    [InlineData("to=2026-13-01", "„To (day)“ was not valid; it was ignored.")]
    [InlineData("from=2026-11-22&to=2026-11-21", "The From day is after the To day; the time range was ignored.")]
    [InlineData("actor=abc", "„Who“ was not valid; it was ignored.")]
    [InlineData("prefix=%3Cscript%3E", "„Action code starts with“ was not valid; it was ignored.")]
    [InlineData("older=12.x", "The page link was not valid; showing the newest entries.")]
    public async Task Invalid_filters_are_ignored_with_a_notice(string query, string notice)
    {
        var actor = await demo.Data.AddUserAsync(UserRole.Manager);
        var entries = await AddEntriesAsync(Entry(actor, "test.notice", TestClock.DemoNow.AddDays(-400)));
        var admin = await AdminAsync();

        var response = await admin.GetAsync(query.StartsWith("actor", StringComparison.Ordinal) ? $"/manage/audit?{query}" : $"/manage/audit?actor={actor.Id}&{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(notice), html);
        if (!query.StartsWith("actor", StringComparison.Ordinal))
        {
            Assert.Equal([entries[0].Id], EntryIds(html));
        }
    }

    [Fact]
    public async Task Details_are_shown_as_indented_json_text_and_hostile_values_stay_text()
    {
        var actor = await demo.Data.AddUserAsync(UserRole.Administrator);
        var entries = await AddEntriesAsync(
            Entry(actor, "queue_group.renamed", TestClock.DemoNow.AddMinutes(-5),
                """{"subject":"queue_group","id":7,"before":{"name":"Jih"},"after":{"name":"<script>alert(1)</script> Čechy"}}"""));
        var admin = await AdminAsync();

        var html = await admin.GetStringAsync($"/manage/audit?actor={actor.Id}");

        Assert.Equal([entries[0].Id], EntryIds(html));
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&quot;name&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt; Čechy&quot;", html);
        var pre = html[html.IndexOf("<pre", StringComparison.Ordinal)..html.IndexOf("</pre>", StringComparison.Ordinal)];
        Assert.StartsWith("{\n  \"id\": 7,\n  \"after\": {\n    \"name\": \"<script>alert(1)</script> Čechy\"\n  },", WebUtility.HtmlDecode(pre[(pre.IndexOf('>', StringComparison.Ordinal) + 1)..]));
    }

    [Theory]
    [InlineData("en", "API key created")]
    [InlineData("cs", "Vytvoření API klíče")]
    public async Task Known_actions_are_named_in_the_viewers_language_and_others_by_their_code(string language, string label)
    {
        var actor = await demo.Data.AddUserAsync(UserRole.Administrator);
        await AddEntriesAsync(
            Entry(actor, "api_key.created", TestClock.DemoNow.AddMinutes(-2)),
            Entry(actor, "something.new", TestClock.DemoNow.AddMinutes(-1)));
        var admin = await AdminAsync(language);

        var html = await admin.GetStringAsync($"/manage/audit?actor={actor.Id}");

        Assert.Contains($"<div>{label}</div>", html);
        Assert.Contains("<div>something.new</div>", html);
        Assert.Contains($"<option value=\"api_key.created\">{label}</option>", html);
        Assert.Contains($"<option value=\"{actor.Id}\" selected=\"selected\">", html);
    }

    private static List<long> EntryIds(string html) =>
        EntryPattern().Matches(html).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static string? Link(string html, string testId)
    {
        var match = Regex.Match(html, $"href=\"([^\"]+)\"[^>]*data-testid=\"{testId}\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<tr data-entry=\"(\\d+)\"")]
    private static partial Regex EntryPattern();
}
