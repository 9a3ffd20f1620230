using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Manage.Groups;

/// <summary>
/// An administrator works the pages of user groups, queues and connectors in a real browser, in English and in Czech:
/// ticks a member in, saves a connector's secrets (shown back only as "set"); screenshots of each page for people to look at.
/// </summary>
public sealed class ManagePagesInTheBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public Task Groups_queues_and_connectors_in_english() => WorkThePagesAsync("en", "en-US");

    [BrowserFact]
    public Task Groups_queues_and_connectors_in_czech() => WorkThePagesAsync("cs", "cs-CZ");

    private async Task WorkThePagesAsync(string language, string locale)
    {
        var s = TestData.Suffix();
        var admin = await app.Data.AddUserAsync(UserRole.Administrator, language: language, allQueues: true, allUsers: true, displayName: "Alena Správcová");
        var connector = await app.Data.AddConnectorAsync($"Zákaznická linka {s}", "+420800123456");
        var queue = await app.Data.AddQueueAsync($"Reklamace {s}", connector: connector);
        var agent = await app.Data.AddUserAsync(UserRole.Agent, displayName: $"Žofie Černá {s}");
        var leaver = await app.Data.AddUserAsync(UserRole.Agent, displayName: $"Ondřej Odešel {s}", isActive: false);
        var group = await app.Data.AddUserGroupAsync($"Ranní směna {s}", leaver);
        await app.Data.AddQueueGroupAsync($"Jih {s}", queue);
        await app.Data.AddUserGroupAsync("<script>alert('x')</script> " + s);

        await using var browser = await app.OpenBrowserAsync(locale);
        var page = browser.Page;
        await page.SignInAsync(admin.UserName!);

        await page.GotoAsync("/manage/user-groups");
        Assert.True(await page.Locator($"[data-group=\"{group.Id}\"] [data-testid=member-count]").InnerTextAsync() == "1");
        await page.SaveScreenshotAsync($"manage-user-groups-{language}");

        // Tick a member by keyboard and save; the deactivated member stays listed and ticked.
        await page.GotoAsync($"/manage/user-groups/{group.Id}");
        await page.Locator($"#member-{agent.Id}").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator($"#member-{leaver.Id}").IsCheckedAsync());
        await page.ClickAsync("[data-testid=group-members] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("done=saved", StringComparison.Ordinal));
        Assert.True(await page.Locator($"#member-{agent.Id}").IsCheckedAsync());
        await page.SaveScreenshotAsync($"manage-user-group-members-{language}");

        await page.GotoAsync("/manage/queue-groups");
        await page.SaveScreenshotAsync($"manage-queue-groups-{language}");

        await page.GotoAsync("/manage/queues");
        await page.SaveScreenshotAsync($"manage-queues-{language}");
        await page.GotoAsync($"/manage/queues/{queue.Id}");
        await page.SaveScreenshotAsync($"manage-queue-edit-{language}");

        // The connector's secrets: typed into password inputs, then shown only as "set".
        await page.GotoAsync($"/manage/connectors/{connector.Id}");
        Assert.Equal("password", await page.GetAttributeAsync("#AppSecret", "type"));
        await page.FillAsync("#WhatsAppPhoneNumberId", "1" + string.Concat(s.Select(c => (char)('0' + (c % 10)))));
        await page.FillAsync("#VerifyToken", "browser-verify-" + s);
        await page.FillAsync("#AppSecret", "browser-app-secret-" + s);
        await page.FillAsync("#AccessToken", "browser-access-token-" + s);
        await page.SelectOptionAsync("#DefaultQueueId", new SelectOptionValue { Label = queue.Name });
        await page.ClickAsync("[data-testid=connector-form] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("done=saved", StringComparison.Ordinal));
        Assert.Equal("set", await page.GetAttributeAsync("[data-secret=AppSecret]", "data-state"));
        Assert.Equal(string.Empty, await page.InputValueAsync("#AppSecret"));
        Assert.DoesNotContain("browser-app-secret-" + s, await page.ContentAsync());
        await page.SaveScreenshotAsync($"manage-connector-edit-{language}");
        await page.GotoAsync("/manage/connectors");
        await page.SaveScreenshotAsync($"manage-connectors-{language}");

        await page.GotoAsync($"/manage/users/{agent.Id}/groups");
        Assert.True(await page.Locator($"#group-{group.Id}").IsCheckedAsync());
        await page.SaveScreenshotAsync($"manage-user-groups-tab-{language}");

        await using var db = TestDatabases.Open(app.ConnectionString);
        Assert.NotNull(await db.Connectors.Where(c => c.Id == connector.Id).Select(c => c.ProtectedAppSecret).SingleAsync());
    }
}
