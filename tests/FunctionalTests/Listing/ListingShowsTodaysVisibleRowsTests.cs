using System.Net;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Listing;

/// <summary>The first listing per demo user, compared with the rights oracle.</summary>
public sealed class ListingShowsTodaysVisibleRowsTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>, IDisposable
{
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

        var expected = await VisibleTodayAsync(userName);

        Assert.Equal(expected.Take(50), ListingPages.RowNames(html));
    }

    [Fact]
    public async Task The_agents_rows_today_are_fewer_than_the_administrators_and_all_among_them()
    {
        var agent = _app.CreateBrowserLikeClient();
        await agent.SignInAsync("agent");
        var admin = _app.CreateBrowserLikeClient();
        await admin.SignInAsync("admin");

        var agentRows = await ListingPages.AllRowNamesAsync(agent, "time=today");
        var adminRows = await ListingPages.AllRowNamesAsync(admin, "time=today");

        Assert.Equal(await VisibleTodayAsync("agent"), agentRows);
        Assert.Equal(await VisibleTodayAsync("admin"), adminRows);
        Assert.True(agentRows.Count < adminRows.Count, $"agent {agentRows.Count}, admin {adminRows.Count}");
        Assert.Empty(agentRows.Except(adminRows));
    }

    [Fact]
    public async Task Each_row_has_an_eye_link_to_the_shared_detail_url()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var html = await client.GetStringAsync("/listing/wap");
        var rows = ListingPages.RowNames(html);
        Assert.Equal((await VisibleTodayAsync("supervisor")).Take(50), rows);
        Assert.All(rows, name => Assert.Contains($"href=\"/listing/activities/?activityDetail={name}\"", html));
    }

    [Fact]
    public async Task Hostile_chat_texts_are_html_encoded()
    {
        var queue = await database.Data.AddQueueAsync();
        var viewer = await database.Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue(queue.Id)]);
        await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddMinutes(-10), i => i.WhatsAppContact = "<script>alert(1)</script>");
        await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddMinutes(-20), i => i.WhatsAppContact = "=HYPERLINK(\"http://x\",\"y\")");
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(viewer.UserName!);

        var html = await client.GetStringAsync("/listing/wap");

        Assert.Contains("<td class=\"text-break\">&lt;script&gt;alert(1)&lt;/script&gt;</td>", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("<td class=\"text-break\">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>", html);
    }

    private async Task<List<string>> VisibleTodayAsync(string userName) =>
        await RightsOracle.VisibleInteractionNamesAsync(
            database.ConnectionString, await RightsOracle.UserIdAsync(database.ConnectionString, userName), DemoRanges.Today);
}
