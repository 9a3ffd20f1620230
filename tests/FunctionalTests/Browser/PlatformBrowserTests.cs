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

        await page.ClickAsync("form[data-testid=language-switch] button[value=en]");
        await page.WaitForURLAsync(url => url.EndsWith("/listing/wap", StringComparison.Ordinal));
        Assert.StartsWith("Time", (await page.Locator(HeaderCells).First.InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal("Queue", (await page.Locator(HeaderCells).Nth(1).InnerTextAsync()).Trim());
        await page.SaveScreenshotAsync("listing-supervisor-en");

        await page.ClickAsync("form[data-testid=language-switch] button[value=cs]");
        await page.WaitForURLAsync(url => url.EndsWith("/listing/wap", StringComparison.Ordinal));
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
}
