using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser.Pages;

/// <summary>The header on every page: navigation (Manage), the language switch and the signed-in user.</summary>
public sealed class SiteHeader(IPage page)
{
    private const string ManageLink = "header a[href='/manage']";

    /// <summary>Presses the language switch's button (<c>en</c>, <c>cs</c>) and waits for the page in that language.</summary>
    public async Task SwitchLanguageAsync(string language)
    {
        await page.ClickAsync(LanguageButton(language));
        await page.WaitForSelectorAsync($"html[lang={language}]");
    }

    /// <summary>The same by keyboard: focus the button, press Enter.</summary>
    public async Task SwitchLanguageByKeyboardAsync(string language)
    {
        await page.FocusAsync(LanguageButton(language));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync($"html[lang={language}]");
    }

    public async Task<string> SignedInUserAsync() => (await page.InnerTextAsync("[data-testid=signed-in-user]")).Trim();

    public Task<bool> ShowsSignedInUserAsync() => page.IsVisibleAsync("[data-testid=signed-in-user]");

    public Task<bool> ShowsSignOutAsync() => page.IsVisibleAsync("[data-testid=sign-out]");

    public Task<bool> OffersManageAsync() => page.IsVisibleAsync(ManageLink);

    /// <summary>Whether Manage is marked as the current page.</summary>
    public Task<string?> ManageCurrentAsync() => page.GetAttributeAsync(ManageLink, "aria-current");

    public async Task OpenManageAsync()
    {
        await page.ClickAsync(ManageLink);
        await page.WaitForURLAsync(url => url.EndsWith("/manage", StringComparison.Ordinal));
    }

    private static string LanguageButton(string language) => $"form[data-testid=language-switch] button[value={language}]";
}
