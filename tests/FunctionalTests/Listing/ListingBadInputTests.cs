using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Listing;

public sealed class ListingBadInputTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    public static TheoryData<string> BadQueries() =>
    [
        "sort=bogus",
        "sort=time&dir=sideways",
        "time=nonsense",
        "time=custom&from=garbage&to=2026-11-20T00:00:00Z",
        "time=custom&from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z",
        "time=custom",
        "page=-1",
        "page=0",
        "page=99999999999",
        "size=7",
        "size=-250",
        "contact=" + new string('x', 10_000),
        "text=" + new string('ř', 10_000),
        "queue=abc&user=-5&usergroup=1.5",
        "queue=999999&queuegroup=999999",
        "waitmin=xyz",
        "durmin=100&durmax=10",
        "sender=hello",
        "missed=maybe&answered=perhaps&direction=sideways&endedby=nobody",
        "connector=0",
    ];

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_gives_the_page_with_a_notice_never_a_500(string query)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");

        var html = await ListingPages.GetOkAsync(client, "/listing/wap?" + query);

        Assert.NotEmpty(ListingPages.Notices(html));
        Assert.Contains("data-testid=\"wap-listing\"", html);
    }

    [Theory]
    [InlineData("name=%27%3B%20DROP%20TABLE%20interactions%3B%20--")]
    [InlineData("wacontact=%27%20OR%201%3D1%20--")]
    [InlineData("text=%25")]
    [InlineData("contact=_")]
    public async Task Sql_fragments_and_wildcards_are_searched_as_plain_text(string query)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var html = await ListingPages.GetOkAsync(client, "/listing/wap?time=thisyear&" + query);

        Assert.Empty(ListingPages.RowNames(html));
        await using var db = demo.OpenDb();
        Assert.True(await db.Interactions.CountAsync() > 2000);
    }

    [Fact]
    public async Task Hostile_text_in_the_url_is_echoed_encoded()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var html = await ListingPages.GetOkAsync(client, "/listing/wap?contact=%3Cscript%3Ealert(2)%3C%2Fscript%3E");
        Assert.DoesNotContain("<script>alert(2)</script>", html);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task Beyond_the_count_cap_the_count_is_a_clearly_marked_bound_and_paging_still_works()
    {
        using var app = demo.App.WithWebHostBuilder(builder => builder.UseSetting("Listing:CountCap", "100"));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync("admin");

        var html = await ListingPages.GetOkAsync(client, "/listing/wap?time=last30days&size=50&page=4");

        Assert.Equal("100+", ListingPages.TotalCount(html));
        Assert.Contains("Více než 100 řádků", html);
        Assert.Equal(50, ListingPages.RowNames(html).Count);
        Assert.Contains("Řádky 151–200 z více než 100", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var last = await ListingPages.GetOkAsync(client, "/listing/wap?time=last7days&size=25&page=500");
        Assert.NotEmpty(ListingPages.RowNames(last));
        Assert.Contains("aria-current=\"page\"><span class=\"page-link\">", last);
    }

    [Fact]
    public async Task A_page_costs_the_same_few_commands_whatever_the_range_or_filters()
    {
        var counter = new CommandCounter();
        using var app = demo.App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<WapListingDbContext>(options => options.AddInterceptors(counter))));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync("supervisor");

        async Task<int> CommandsFor(string url)
        {
            var before = counter.Count;
            await ListingPages.GetOkAsync(client, url);
            return counter.Count - before;
        }

        var today = await CommandsFor("/listing/wap");
        var month = await CommandsFor("/listing/wap?time=last30days&size=250&sort=queue");
        var filtered = await CommandsFor("/listing/wap?time=thisyear&contact=a&text=dekuji&hasticket=no&sort=contact&dir=desc&page=2");
        var picked = await CommandsFor("/listing/wap?time=last30days&queue=1&user=2&usergroup=1&queuegroup=1");

        // Principal refresh, rights, totals, rows, pickers; picked ids add one check.
        Assert.Equal(5, today);
        Assert.Equal(today, month);
        Assert.Equal(today, filtered);
        Assert.Equal(today + 1, picked);
    }
}
