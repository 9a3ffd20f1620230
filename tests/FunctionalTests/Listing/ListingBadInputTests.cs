using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Listing;

public sealed class ListingBadInputTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private const string ShowingToday = "Neznámý časový rozsah; zobrazuji Dnes.";
    private const string NeedsFromAndTo = "Vlastní rozsah potřebuje platné Od a Do; zobrazuji Dnes.";
    private const string BadPage = "Číslo stránky nebylo platné; zobrazuji první stránku.";
    private const string BadPageSize = "Počet řádků na stránku musí být jeden z 25, 50, 100, 250; zobrazuji 50.";
    private const string TextShortened = "Hledaný text byl delší než 200 znaků a byl zkrácen.";

    private static string NotUnderstood(string key) => $"Hodnotě „{key}“ nerozumím; byla ignorována.";

    /// <summary>Each bad query and the notices the (Czech) supervisor gets for it.</summary>
    public static TheoryData<string, string[]> BadQueries() => new()
    {
        { "sort=bogus", ["Neznámý sloupec řazení; řadím podle času."] },
        { "sort=time&dir=sideways", [NotUnderstood("dir")] },
        { "time=nonsense", [ShowingToday] },
        { "time=custom&from=garbage&to=2026-11-20T00:00:00Z", [NeedsFromAndTo] },
        { "time=custom&from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", ["Od musí být před Do; zobrazuji Dnes."] },
        { "time=custom", [NeedsFromAndTo] },
        { "page=-1", [BadPage] },
        { "page=0", [BadPage] },
        { "page=99999999999", [BadPage] },
        { "size=7", [BadPageSize] },
        { "size=-250", [BadPageSize] },
        { "contact=" + new string('x', 10_000), [TextShortened] },
        { "text=" + new string('ř', 10_000), [TextShortened] },
        { "queue=abc&user=-5&usergroup=1.5", [NotUnderstood("user"), NotUnderstood("usergroup"), NotUnderstood("queue")] },
        { "queue=999999&queuegroup=999999", ["2 položky filtru, které nesmíte použít (nebo neexistují), byly vynechány."] },
        { "waitmin=xyz", ["„waitmin“ musí být v sekundách nebo h:mm:ss; bylo ignorováno."] },
        { "durmin=100&durmax=10", ["Minimum bylo větší než maximum; obojí bylo ignorováno."] },
        { "sender=hello", ["Odesílatel není telefonní číslo; byl ignorován."] },
        { "missed=maybe&answered=perhaps&direction=sideways&endedby=nobody", [NotUnderstood("direction"), NotUnderstood("answered"), NotUnderstood("missed"), NotUnderstood("endedby")] },
        { "connector=0", [NotUnderstood("connector")] },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Bad_input_gives_the_page_with_a_notice_never_a_500(string query, string[] notices)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");

        var html = await ListingPages.GetOkAsync(client, "/listing/wap?" + query);

        Assert.Equal(notices.Order(StringComparer.Ordinal), ListingPages.Notices(html).Order(StringComparer.Ordinal));
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

        await using var db = demo.OpenDb();
        var interactions = await db.Interactions.CountAsync();

        var html = await ListingPages.GetOkAsync(client, "/listing/wap?time=thisyear&" + query);

        Assert.Empty(ListingPages.RowNames(html));
        Assert.Equal(interactions, await db.Interactions.CountAsync());
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
        var supervisor = await RightsOracle.UserIdAsync(demo.ConnectionString, "supervisor");
        var all = await RightsOracle.VisibleInteractionNamesAsync(demo.ConnectionString, supervisor, DemoRanges.Last7Days);
        var lastPage = (all.Count + 24) / 25;
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");

        var last = await ListingPages.GetOkAsync(client, "/listing/wap?time=last7days&size=25&page=500");

        Assert.True(lastPage > 1, $"{all.Count} rows make no second page");
        Assert.Equal(all.Skip((lastPage - 1) * 25), ListingPages.RowNames(last));
        Assert.Contains($"aria-current=\"page\"><span class=\"page-link\">{lastPage}</span>", last);
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

        // The signed-in user with their rights, the pickers (which also check picked ids), totals, rows: at most 4 (issue 14).
        // The first page reads the pickers; the next ones take them from the cache kept under the catalog's version
        // (PickerCacheTests proves it never outlives a change).
        Assert.Equal(4, today);
        Assert.Equal(3, month);
        Assert.Equal(3, filtered);
        Assert.Equal(3, picked);
    }
}
