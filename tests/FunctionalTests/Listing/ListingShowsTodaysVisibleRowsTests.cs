using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// The first listing per demo user, compared with the rights rule written out independently in SQL here.
/// </summary>
public sealed partial class ListingShowsTodaysVisibleRowsTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>, IDisposable
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");
    private readonly WapListingAppFactory _app = new(database.ConnectionString);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("agent")]
    public async Task Listing_shows_todays_rows_the_user_may_see_newest_first(string userName)
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(userName);
        var response = await client.GetAsync("/listing/wap");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var shown = RowNames().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var expected = await ExpectedTodayAsync(userName);

        Assert.NotEmpty(shown);
        Assert.Equal(expected.Take(50), shown);
    }

    [Fact]
    public async Task Agent_sees_fewer_rows_today_than_admin()
    {
        var agent = await ExpectedTodayAsync("agent");
        var admin = await ExpectedTodayAsync("admin");
        Assert.NotEmpty(agent);
        Assert.True(agent.Count < admin.Count, $"agent {agent.Count}, admin {admin.Count}");
    }

    [Fact]
    public async Task Each_row_has_an_eye_link_to_the_shared_detail_url()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var html = await client.GetStringAsync("/listing/wap");
        var first = RowNames().Match(html).Groups[1].Value;
        Assert.Contains($"href=\"/listing/activities/?activityDetail={first}\"", html);
    }

    [Fact]
    public async Task Hostile_chat_texts_are_html_encoded()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var html = await client.GetStringAsync("/listing/wap");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)", html);
    }

    private async Task<List<string>> ExpectedTodayAsync(string userName)
    {
        var localNow = TimeZoneInfo.ConvertTime(TestClock.DemoNow, Prague);
        var from = new DateTimeOffset(localNow.Date, Prague.GetUtcOffset(localNow.Date)).ToUniversalTime();
        var to = new DateTimeOffset(localNow.Date.AddDays(1), Prague.GetUtcOffset(localNow.Date.AddDays(1))).ToUniversalTime();

        await using var db = database.OpenDb();
        return await db.Database.SqlQuery<string>($"""
            WITH viewer AS (SELECT * FROM users WHERE user_name = {userName}),
            queues AS (
                SELECT g.queue_id AS id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id WHERE g.queue_id IS NOT NULL
                UNION SELECT m.queues_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id
                      JOIN queue_group_members m ON m.groups_id = g.queue_group_id),
            people AS (
                SELECT g.user_id AS id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id WHERE g.user_id IS NOT NULL
                UNION SELECT m.users_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id
                      JOIN user_group_members m ON m.groups_id = g.user_group_id)
            SELECT i.name AS "Value" FROM interactions i CROSS JOIN viewer v
             WHERE i.time >= {from} AND i.time < {to}
               AND (v.rights_all_queues
                    OR i.queue_id IN (SELECT id FROM queues)
                    OR EXISTS (SELECT 1 FROM interaction_participants p
                                WHERE p.interaction_id = i.id AND (v.rights_all_users OR p.user_id IN (SELECT id FROM people))))
             ORDER BY i.time DESC, i.id DESC
            """).ToListAsync();
    }

    [GeneratedRegex("<tr data-name=\"([^\"]+)\"")]
    private static partial Regex RowNames();
}
