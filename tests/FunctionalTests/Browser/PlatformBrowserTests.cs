using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Browser;

public sealed class PlatformBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string HeaderCells = "table[data-testid=wap-listing] thead th";

    [BrowserFact]
    public async Task The_language_switch_turns_the_listing_between_czech_and_english()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("supervisor"); // her setting is Czech, which beats the English browser

        Assert.StartsWith("Čas", (await page.Locator(HeaderCells).First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        await page.SaveScreenshotAsync("listing-supervisor-cs");

        // By keyboard: the switch is a pair of real buttons.
        await page.FocusAsync("form[data-testid=language-switch] button[value=en]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.EndsWith("/listing/wap", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Time", (await page.Locator(HeaderCells).First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("Queue", (await page.Locator(HeaderCells).Nth(1).InnerTextAsync()).Trim());
        await page.SaveScreenshotAsync("listing-supervisor-en");

        await page.ClickAsync("form[data-testid=language-switch] button[value=cs]");
        await page.WaitForSelectorAsync("html[lang=cs]");
        Assert.Equal("Fronta", (await page.Locator(HeaderCells).Nth(1).InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_signed_out_deep_link_goes_through_login_and_back()
    {
        var page = await app.NewPageAsync("en-US");
        await page.GotoAsync("/listing/wap?x=1");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.SaveScreenshotAsync("login-en");

        await page.FillAsync("input[name=UserName]", "manager");
        await page.FillAsync("input[name=Password]", "Demo123!");
        await page.PressAsync("input[name=Password]", "Enter");
        await page.WaitForURLAsync(url => url.EndsWith("/listing/wap?x=1", StringComparison.Ordinal));
        Assert.Equal("Marek Manažer", (await page.InnerTextAsync("[data-testid=signed-in-user]")).Trim());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_first_tab_stop_is_the_skip_link_to_the_content()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("agent");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Přejít na obsah", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Header_and_listing_fit_a_laptop_and_a_wide_monitor()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("admin"); // the administrator has the most header items (Manage)

        foreach (var width in new[] { 1366, 1920 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync("/listing/wap");
            var header = await page.EvaluateAsync<int[]>(
                "() => { const h = document.querySelector('header nav'); return [h.scrollWidth, document.documentElement.clientWidth, Math.round(h.getBoundingClientRect().height)]; }");
            Assert.True(header[0] <= header[1], $"the header overflows at {width}px: {header[0]} > {header[1]}");
            Assert.True(header[2] < 70, $"the header wraps at {width}px: {header[2]}px high");
            var overflow = await page.EvaluateAsync<int>(
                "() => Math.max(0, ...[document.documentElement, ...document.querySelectorAll('.table-responsive')].map(e => e.scrollWidth - e.clientWidth))");
            Assert.True(overflow <= 0, $"the listing scrolls sideways at {width}px by {overflow}px");
            Assert.True(await page.IsVisibleAsync("a[href='/manage']"));
            Assert.True(await page.IsVisibleAsync("[data-testid=signed-in-user]"));
            await page.SaveScreenshotAsync($"layout-admin-{width}", fullPage: false);
        }

        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_administrator_follows_manage_to_the_users_and_rights_overview()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("admin");

        await page.ClickAsync("header a[href='/manage']");
        await page.WaitForURLAsync(url => url.EndsWith("/manage", StringComparison.Ordinal));
        Assert.Equal("Uživatelé a práva", (await page.InnerTextAsync("main h1")).Trim());
        Assert.Equal("page", await page.GetAttributeAsync("header a[href='/manage']", "aria-current"));
        var supervisorQueues = await page.Locator("tr[data-user=supervisor] [data-testid=rights-queues] .badge").AllInnerTextsAsync();
        Assert.Equal(["Podpora CZ", "Prodej CZ"], supervisorQueues.Select(t => t.Trim()));
        await page.SaveScreenshotAsync("manage-users-and-rights-cs");

        await page.ClickAsync("form[data-testid=language-switch] button[value=en]");
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Equal("Users and rights", (await page.InnerTextAsync("main h1")).Trim());
        await page.SaveScreenshotAsync("manage-users-and-rights-en");
        await page.Context.CloseAsync();
    }
}
