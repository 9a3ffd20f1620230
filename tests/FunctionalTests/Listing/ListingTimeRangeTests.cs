using System.Globalization;
using System.Net;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Listing;

/// <summary>Time presets and custom ranges in the viewer's zone (Europe/Prague), DST days included.</summary>
public sealed class ListingTimeRangeTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    // The demo instant is Wednesday 25 November 2026, 15:30 in Prague (UTC+1).
    [Theory]
    [InlineData("today", "2026-11-24T23:00:00Z", "2026-11-25T23:00:00Z")]
    [InlineData("yesterday", "2026-11-23T23:00:00Z", "2026-11-24T23:00:00Z")]
    [InlineData("thisweek", "2026-11-22T23:00:00Z", "2026-11-29T23:00:00Z")]
    [InlineData("lastweek", "2026-11-15T23:00:00Z", "2026-11-22T23:00:00Z")]
    [InlineData("thismonth", "2026-10-31T23:00:00Z", "2026-11-30T23:00:00Z")]
    [InlineData("lastmonth", "2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z")]
    [InlineData("last7days", "2026-11-18T23:00:00Z", "2026-11-25T23:00:00Z")]
    [InlineData("last30days", "2026-10-26T23:00:00Z", "2026-11-25T23:00:00Z")]
    [InlineData("thisyear", "2025-12-31T23:00:00Z", "2026-12-31T23:00:00Z")]
    [InlineData("custom&from=2026-11-20T08:00:00%2B01:00&to=2026-11-21T12:30:00%2B01:00", "2026-11-20T07:00:00Z", "2026-11-21T11:30:00Z")]
    [InlineData("custom&from=2026-11-20T07:00:00Z&to=2026-11-20T09:00:00Z", "2026-11-20T07:00:00Z", "2026-11-20T09:00:00Z")]
    public async Task Each_preset_covers_its_days_in_the_viewers_zone(string time, string fromUtc, string toUtc)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var html = await ListingPages.GetOkAsync(client, $"/listing/wap?time={time}");

        Assert.Empty(ListingPages.Notices(html));
        Assert.Equal(await AdminSeesAsync(demo.ConnectionString, fromUtc, toUtc), ParseCount(ListingPages.TotalCount(html)));
    }

    [Fact]
    public async Task Local_times_from_the_form_are_restated_as_instants_in_the_url()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var response = await client.GetAsync("/listing/wap?time=custom&from=2026-11-20T08:00&to=2026-11-21T12:30");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = WebUtility.UrlDecode(response.Headers.Location!.ToString());
        Assert.Contains("from=2026-11-20T08:00:00+01:00", location);
        Assert.Contains("to=2026-11-21T12:30:00+01:00", location);
    }

    [Fact]
    public async Task A_local_time_in_the_spring_gap_moves_forward_by_the_gap()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var response = await client.GetAsync("/listing/wap?time=custom&from=2026-03-29T02:30&to=2026-10-25T02:30");

        var location = WebUtility.UrlDecode(response.Headers.Location!.ToString());
        Assert.True(location.Contains("from=2026-03-29T03:30:00+02:00", StringComparison.Ordinal), location);
        // 02:30 happens twice on 25 October: the earlier one (summer time) is taken.
        Assert.Contains("to=2026-10-25T02:30:00+02:00", location);
    }

    [Fact]
    public async Task Just_after_midnight_today_starts_at_midnight_and_yesterday_is_the_whole_previous_day()
    {
        using var app = new WapListingAppFactory(demo.ConnectionString, TestClock.At(new DateTimeOffset(2026, 11, 24, 23, 0, 30, TimeSpan.Zero)));
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var today = await ListingPages.GetOkAsync(client, "/listing/wap");
        var yesterday = await ListingPages.GetOkAsync(client, "/listing/wap?time=yesterday");

        Assert.Equal(await AdminSeesAsync(demo.ConnectionString, "2026-11-24T23:00:00Z", "2026-11-25T23:00:00Z"), ParseCount(ListingPages.TotalCount(today)));
        Assert.Equal(await AdminSeesAsync(demo.ConnectionString, "2026-11-23T23:00:00Z", "2026-11-24T23:00:00Z"), ParseCount(ListingPages.TotalCount(yesterday)));
    }

    public static int ParseCount(string text) => int.Parse(text.Replace("\u00A0", "").Replace(" ", "").Replace(",", ""), CultureInfo.InvariantCulture);

    /// <summary>How many interactions of [from, to) the administrator ("all queues") may see, by the rights oracle (never none).</summary>
    public static async Task<int> AdminSeesAsync(string connectionString, string fromUtc, string toUtc)
    {
        var admin = await RightsOracle.UserIdAsync(connectionString, "admin");
        return (await RightsOracle.VisibleInteractionNamesAsync(connectionString, admin, TimeRange.Utc(fromUtc, toUtc))).Count;
    }
}

/// <summary>The 23-hour and 25-hour days of Europe/Prague: no row lost, none counted twice.</summary>
public sealed class ListingDaylightSavingTests
{
    [Theory]
    [InlineData("2026-03-29T10:00:00Z", "dst-march", "2026-03-27T23:00:00Z", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")]
    [InlineData("2026-10-25T10:00:00Z", "dst-october", "2026-10-23T22:00:00Z", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")]
    public async Task Today_and_yesterday_on_a_change_day_meet_exactly(string now, string template, string yesterdayStart, string todayStart, string tomorrowStart)
    {
        var instant = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);
        var connectionString = await TestDatabases.CreateDemoAtAsync(instant, template);
        try
        {
            using var app = new WapListingAppFactory(connectionString, TestClock.At(instant));
            var client = app.CreateBrowserLikeClient();
            await client.SignInAsync("admin");

            var today = ListingTimeRangeTests.ParseCount(ListingPages.TotalCount(await ListingPages.GetOkAsync(client, "/listing/wap")));
            var yesterday = ListingTimeRangeTests.ParseCount(ListingPages.TotalCount(await ListingPages.GetOkAsync(client, "/listing/wap?time=yesterday")));

            Assert.Equal(await ListingTimeRangeTests.AdminSeesAsync(connectionString, todayStart, tomorrowStart), today);
            Assert.Equal(await ListingTimeRangeTests.AdminSeesAsync(connectionString, yesterdayStart, todayStart), yesterday);
            Assert.Equal(await ListingTimeRangeTests.AdminSeesAsync(connectionString, yesterdayStart, tomorrowStart), today + yesterday);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
