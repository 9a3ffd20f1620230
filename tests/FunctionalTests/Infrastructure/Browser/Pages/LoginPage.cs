using Microsoft.Playwright;

namespace WapListing.FunctionalTests.Infrastructure.Browser.Pages;

/// <summary>The sign-in form (<c>/account/login</c>), where signed-out visitors of any page land.</summary>
public sealed class LoginPage(IPage page)
{
    public bool IsShown => page.Url.Contains("/account/login", StringComparison.Ordinal);

    /// <summary>Types the user name and password and presses Enter, as people do.</summary>
    public async Task SubmitAsync(string userName, string password = TestData.Password)
    {
        await page.FillAsync("input[name=UserName]", userName);
        await page.FillAsync("input[name=Password]", password);
        await page.PressAsync("input[name=Password]", "Enter");
    }
}
