using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;

namespace WapListing.FunctionalTests.Browser;

/// <summary>The frame around every page in a real browser: language switch, sign-in round trip, skip link, layout widths, Manage.</summary>
public sealed class TheFrameAroundThePagesInTheBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task The_language_switch_turns_the_listing_between_czech_and_english()
    {
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync("supervisor"); // her setting is Czech, which beats the English browser
        var listing = new ListingPage(page);
        var header = new SiteHeader(page);

        Assert.StartsWith("Čas", (await listing.HeadersAsync())[0], StringComparison.Ordinal);
        await page.SaveScreenshotAsync("listing-supervisor-cs");

        // By keyboard: the switch is a pair of real buttons.
        await header.SwitchLanguageByKeyboardAsync("en");
        Assert.EndsWith("/listing/wap", page.Url, StringComparison.Ordinal);
        var english = await listing.HeadersAsync();
        Assert.StartsWith("Time", english[0], StringComparison.Ordinal);
        Assert.Equal("Queue", english[1]);
        await page.SaveScreenshotAsync("listing-supervisor-en");

        await header.SwitchLanguageAsync("cs");
        Assert.Equal("Fronta", (await listing.HeadersAsync())[1]);
    }

    [BrowserFact]
    public async Task A_signed_out_deep_link_goes_through_login_and_back()
    {
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await ListingPage.OpenAsync(page, "x=1");
        var login = new LoginPage(page);
        Assert.True(login.IsShown, page.Url);
        await page.SaveScreenshotAsync("login-en");

        await login.SubmitAsync("manager");
        await page.WaitForURLAsync(url => url.EndsWith("/listing/wap?x=1", StringComparison.Ordinal));

        Assert.Equal("Marek Manažer", await new SiteHeader(page).SignedInUserAsync());
    }

    [BrowserFact]
    public async Task The_first_tab_stop_is_the_skip_link_to_the_content()
    {
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync("agent");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Přejít na obsah", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Header_and_listing_fit_a_laptop_and_a_wide_monitor()
    {
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync("admin"); // the administrator has the most header items (Manage)
        var header = new SiteHeader(page);

        foreach (var width in new[] { 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await ListingPage.OpenAsync(page);
            var size = await page.EvaluateAsync<int[]>(
                "() => { const h = document.querySelector('header nav'); return [h.scrollWidth, document.documentElement.clientWidth, Math.round(h.getBoundingClientRect().height)]; }");
            Assert.True(size[0] <= size[1], $"the header overflows at {width}px: {size[0]} > {size[1]}");
            Assert.True(size[2] < 70, $"the header wraps at {width}px: {size[2]}px high");
            var overflow = await page.EvaluateAsync<int>(
                "() => Math.max(0, ...[document.documentElement, ...document.querySelectorAll('.table-responsive')].map(e => e.scrollWidth - e.clientWidth))");
            Assert.True(overflow == 0, $"the listing scrolls sideways at {width}px by {overflow}px");
            Assert.True(await header.OffersManageAsync());
            Assert.True(await header.ShowsSignedInUserAsync());
            await page.SaveScreenshotAsync($"layout-admin-{width}", fullPage: false);
        }
    }

    [BrowserFact]
    public async Task An_administrator_follows_manage_to_the_users_and_rights_overview()
    {
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync("admin");
        var header = new SiteHeader(page);

        await header.OpenManageAsync();

        var manage = new ManagePage(page);
        Assert.Equal("Uživatelé a práva", await manage.HeadingAsync());
        Assert.Equal("page", await header.ManageCurrentAsync());
        Assert.Equal(["Podpora CZ", "Prodej CZ"], await manage.QueueRightsOfAsync("supervisor"));
        await page.SaveScreenshotAsync("manage-users-and-rights-cs");

        await header.SwitchLanguageAsync("en");
        Assert.Equal("Users and rights", await manage.HeadingAsync());
        await page.SaveScreenshotAsync("manage-users-and-rights-en");
    }
}
