using Microsoft.Playwright;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Manage.Users;

/// <summary>An administrator creates a user through the form in Chromium, in English and in Czech; screenshots of each page.</summary>
public sealed class ManageUsersBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public Task An_administrator_creates_a_user_in_english() =>
        CreateThroughTheFormAsync("en", "en-US", "Display name is required.", "The password must contain an upper-case letter (A–Z).");

    [BrowserFact]
    public Task An_administrator_creates_a_user_in_czech() =>
        CreateThroughTheFormAsync("cs", "cs-CZ", "Zobrazované jméno: povinný údaj.", "Heslo musí obsahovat velké písmeno (A–Z).");

    private async Task CreateThroughTheFormAsync(string language, string locale, string displayNameRequired, string upperRequired)
    {
        var admin = await app.Data.AddUserAsync(UserRole.Administrator, language: language, displayName: "Adéla Správcová", allQueues: true, allUsers: true);
        await app.Data.AddUserAsync(UserRole.Agent, displayName: "<script>alert(1)</script> " + new string('Ř', 60), isActive: false);
        await using var browser = await app.OpenBrowserAsync(locale);
        var page = browser.Page;
        await page.SignInAsync(admin.UserName!);

        await page.GotoAsync("/manage/users?deactivated=1");
        Assert.Equal("true", await page.GetAttributeAsync("[data-section=Users]", "aria-current") is null ? "false" : "true");
        await page.SaveScreenshotAsync($"manage-users-list-{language}");

        await page.ClickAsync("[data-testid=new-user]");
        await page.WaitForURLAsync(url => url.EndsWith("/manage/users/new", StringComparison.Ordinal));
        var login = "browser_" + TestData.Suffix();
        await page.FillAsync("#UserName", login);
        await page.CheckAsync("#Mode-Typed");
        await page.FillAsync("#Password", "abcdefgh");
        await SubmitAsync(page, "[data-testid=create]");
        Assert.Contains(displayNameRequired, await page.InnerTextAsync("[data-testid=error-DisplayName]"), StringComparison.Ordinal);
        Assert.Contains(upperRequired, await page.InnerTextAsync("[data-testid=error-Password]"), StringComparison.Ordinal);
        Assert.Equal(login, await page.InputValueAsync("#UserName"));
        Assert.Equal(string.Empty, await page.InputValueAsync("#Password"));
        await page.SaveScreenshotAsync($"manage-users-new-errors-{language}");

        await page.FillAsync("#DisplayName", "Běla Nováková");
        await page.SelectOptionAsync("#Role", "Supervisor");
        await page.SelectOptionAsync("#TimeZoneId", "Europe/London");
        await page.SelectOptionAsync("#Language", language);
        await page.CheckAsync("#Mode-Generate");
        await SubmitAsync(page, "[data-testid=create]");
        var password = (await page.InnerTextAsync("[data-testid=generated-password]")).Trim();
        Assert.Equal(GeneratedPasswordLength, password.Length);
        await page.SaveScreenshotAsync($"manage-users-password-shown-{language}");

        await SubmitAsync(page, "[data-testid=to-profile]");
        await page.SaveScreenshotAsync($"manage-users-profile-{language}");
        Assert.Equal(login, await page.InputValueAsync("#UserName"));
        Assert.Equal("Supervisor", await page.InputValueAsync("#Role"));
        Assert.Equal("Europe/London", await page.InputValueAsync("#TimeZoneId"));
        Assert.DoesNotContain(password, await page.ContentAsync(), StringComparison.Ordinal);

        // The new user signs in with the password shown, in a browser of their own.
        await using var newcomer = await app.OpenBrowserAsync(locale);
        await newcomer.Page.SignInAsync(login, password);
        Assert.Contains("/listing", newcomer.Page.Url, StringComparison.Ordinal);
    }

    private const int GeneratedPasswordLength = 20;

    /// <summary>
    /// Clicks and waits until the next page has loaded whole: the old page is marked first, as a form shown again has
    /// the same address, and the time zone list is long (a half-parsed select reads wrong).
    /// </summary>
    private static async Task SubmitAsync(IPage page, string selector)
    {
        await page.EvaluateAsync("() => document.body.dataset.stale = '1'");
        await page.ClickAsync(selector);
        await page.WaitForSelectorAsync("body:not([data-stale])");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
