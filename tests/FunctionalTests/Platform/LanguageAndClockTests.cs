using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Web.Localization;

namespace WapListing.FunctionalTests.Platform;

public sealed partial class LanguageAndClockTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>, IDisposable
{
    private readonly WapListingAppFactory _app = new(database.ConnectionString);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("cs", 1, "1 řádek")]
    [InlineData("cs", 2, "2 řádky")]
    [InlineData("cs", 4, "4 řádky")]
    [InlineData("cs", 5, "5 řádků")]
    [InlineData("cs", 0, "0 řádků")]
    [InlineData("en", 1, "1 row")]
    [InlineData("en", 2, "2 rows")]
    [InlineData("en", 1234, "1,234 rows")]
    public void Plural_helper_picks_the_form_of_the_language(string culture, long count, string expected)
    {
        var localizer = _app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, localizer.Plural("Listing.Rows", count).Replace('\u00A0', ' '));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public async Task Signed_out_pages_follow_the_browser_language_else_english()
    {
        var client = _app.CreateBrowserLikeClient();
        Assert.Contains("Sign in", await client.GetStringAsync("/account/login"));

        using var czech = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        czech.Headers.AcceptLanguage.ParseAdd("cs-CZ,cs;q=0.9,en;q=0.8");
        var html = await (await client.SendAsync(czech)).Content.ReadAsStringAsync();
        Assert.Contains("lang=\"cs\"", html);
        Assert.Contains("Přihlášení", html);
    }

    [Fact]
    public async Task The_users_language_setting_wins_over_the_browser_and_the_switch_stores_it()
    {
        var client = _app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        await client.SignInAsync("supervisor");

        var czech = await client.GetStringAsync("/listing/wap");
        Assert.Contains(">Čas<", czech);
        Assert.Contains(">Fronta<", czech);

        var token = HttpSignIn.AntiforgeryToken(czech);
        var switched = await client.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en",
            ["returnUrl"] = "/listing/wap",
        }));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/listing/wap", switched.Headers.Location?.ToString());

        await using var db = database.OpenDb();
        Assert.Equal("en", db.Users.Single(u => u.UserName == "supervisor").Language);

        var fresh = _app.CreateBrowserLikeClient();
        fresh.DefaultRequestHeaders.AcceptLanguage.ParseAdd("cs");
        await fresh.SignInAsync("supervisor");
        var english = await fresh.GetStringAsync("/listing/wap");
        Assert.Contains(">Time<", english);
        Assert.Contains(">Queue<", english);

        // Put the demo user back for the other tests of this class.
        var back = await fresh.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(english),
            ["culture"] = "cs",
        }));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task The_language_switch_returns_only_to_local_urls()
    {
        var client = _app.CreateBrowserLikeClient();
        var page = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(page),
            ["culture"] = "cs",
            ["returnUrl"] = "https://evil.example/phish",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/listing/wap", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Today_follows_the_clock_in_the_viewers_zone()
    {
        var clock = TestClock.At(TestClock.DemoNow);
        using var app = new WapListingAppFactory(database.ConnectionString, clock);
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("admin"); // admin's language setting is Czech

        var admin = await RightsOracle.UserIdAsync(database.ConnectionString, "admin");
        var visibleToday = await RightsOracle.VisibleInteractionNamesAsync(database.ConnectionString, admin, DemoRanges.Today);

        var today = await client.GetStringAsync("/listing/wap");
        Assert.Contains("25.11.2026 0:00 – 26.11.2026 0:00", DayHeadingText(today));
        Assert.Equal(visibleToday.Take(50), RowNames().Matches(today).Select(m => m.Groups[1].Value));

        // 23:30 UTC is already the next day in Prague: no chats yet on 26 November.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.Zero));
        var nextDay = await client.GetStringAsync("/listing/wap");
        Assert.Empty(RowNames().Matches(nextDay));
        Assert.Contains("26.11.2026 0:00 – 27.11.2026 0:00", DayHeadingText(nextDay));
    }

    private static string DayHeadingText(string html) => DayHeading().Match(html).Value;

    [GeneratedRegex("<tr data-name=\"(wap_[0-9a-f]+)\"")]
    private static partial Regex RowNames();

    [GeneratedRegex(@"<div class=""ms-auto small text-body-secondary"">[^<]*")]
    private static partial Regex DayHeading();
}
