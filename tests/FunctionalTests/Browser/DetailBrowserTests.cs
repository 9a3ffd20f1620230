using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Browser;

public sealed class DetailBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private Infrastructure.TestDatabasesAccess Db => new(app.ConnectionString);

    [BrowserFact]
    public async Task A_shared_link_opened_signed_out_goes_through_login_to_the_selected_activity_and_tabs_switch()
    {
        await using var db = Db.Open();
        var interaction = await db.Interactions.Where(i => i.Queue!.Name == "Podpora CZ" && i.Activities.Count >= 2)
            .OrderByDescending(i => i.Time).Select(i => new { i.Name, Activities = i.Activities.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Name).ToList() }).FirstAsync();
        var page = await app.NewPageAsync("en-US");

        await page.GotoAsync($"/listing/activities/?activityDetail={interaction.Activities[1]}");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("input[name=UserName]", "supervisor");
        await page.FillAsync("input[name=Password]", HttpSignIn.DemoPassword);
        await page.PressAsync("input[name=Password]", "Enter");
        await page.WaitForURLAsync(url => url.Contains("activityDetail=" + interaction.Activities[1], StringComparison.Ordinal));
        Assert.Equal("true", await page.GetAttributeAsync($"tr[data-activity={interaction.Activities[1]}]", "aria-current"));

        await page.ClickAsync("[data-testid=tab-activity]");
        Assert.Equal(interaction.Activities[1], (await page.InnerTextAsync("[data-testid=activity-name]")).Trim());
        Assert.EndsWith("activityDetail=" + interaction.Activities[1], await page.InputValueAsync("[data-testid=share-link]"), StringComparison.Ordinal);
        await page.SaveScreenshotAsync("detail-activity-tab-cs");

        await page.ClickAsync($"tr[data-activity={interaction.Activities[0]}] a");
        Assert.Equal(interaction.Activities[0], (await page.InnerTextAsync("[data-testid=activity-name]")).Trim());
        await page.ClickAsync("[data-testid=detail-tabs] a:text-is('Wap')");
        Assert.True(await page.Locator("[data-testid=transcript] [data-testid=message]").CountAsync() > 0);
        await page.SaveScreenshotAsync("detail-wap-tab-cs");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Hostile_chat_texts_show_as_text_and_no_script_runs()
    {
        await using var db = Db.Open();
        var hostile = await db.Interactions.Where(i => i.WhatsAppContact == "<script>alert(1)</script>").Select(i => i.Name).FirstAsync();
        var page = await app.NewPageAsync("cs-CZ");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.SignInAsync("supervisor");

        await page.GotoAsync($"/listing/activities/?activityDetail={hostile}");

        Assert.Equal("<script>alert(1)</script>", (await page.InnerTextAsync("[data-testid=whatsapp-contact]")).Trim());
        Assert.Contains("<script>alert(1)</script>", await page.InnerTextAsync("[data-testid=transcript]"));
        Assert.Equal(0, dialogs);
        await page.SaveScreenshotAsync("detail-hostile-transcript-cs");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_anomaly_triangle_explains_itself()
    {
        await using var db = Db.Open();
        var activity = await db.Activities.Where(a => a.TimeAnomaly).OrderByDescending(a => a.CreatedAt).Select(a => a.Name).FirstAsync();
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("admin");

        await page.GotoAsync($"/listing/activities/?activityDetail={activity}&tab=activity");

        Assert.Contains("nepřesná", await page.GetAttributeAsync("[data-testid=anomaly]", "title") ?? "");
        await page.SaveScreenshotAsync("detail-anomaly-cs");

        await page.ClickAsync("form[data-testid=language-switch] button[value=en]");
        Assert.Contains("inaccurate", await page.GetAttributeAsync("[data-testid=anomaly]", "title") ?? "");
        await page.SaveScreenshotAsync("detail-anomaly-en");
        await page.ClickAsync("[data-testid=detail-tabs] a:text-is('Wap')");
        await page.SaveScreenshotAsync("detail-wap-tab-en");
        await page.ClickAsync("form[data-testid=language-switch] button[value=cs]");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_supervisor_pairs_a_contact_from_the_listings_plus_button()
    {
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("supervisor");
        var row = page.Locator("table[data-testid=wap-listing] tbody tr[data-name]:has([data-testid=pair-contact])").First;
        var name = await row.GetAttributeAsync("data-name");

        await row.Locator("[data-testid=pair-contact]").ClickAsync();
        Assert.True(await page.Locator("[data-testid=panel-pair]").IsVisibleAsync());
        await page.FillAsync("#pair-q", "dvorak");
        await page.PressAsync("#pair-q", "Enter");
        await page.Locator("[data-testid=contact-result]").First.Locator("button").ClickAsync();

        Assert.Contains("spárován", await page.InnerTextAsync("[data-testid=detail-message]"));
        await using var db = Db.Open();
        Assert.Equal("Karel Dvořák", await db.Interactions.Where(i => i.Name == name).Select(i => i.Contact!.Name).SingleAsync());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Anonymizing_through_the_confirmation_removes_the_transcript()
    {
        await using var db = Db.Open();
        var target = await db.Interactions.Where(i => i.Queue!.Name == "Prodej CZ" && i.AnonymizedAt == null && i.Messages.Count() >= 3)
            .OrderByDescending(i => i.Time).Select(i => i.Name).FirstAsync();
        var page = await app.NewPageAsync("en-US");
        await page.SignInAsync("supervisor");
        await page.GotoAsync($"/listing/activities/?activityDetail={target}");
        await page.SaveScreenshotAsync("detail-before-anonymize-cs");

        await page.ClickAsync("[data-testid=anonymize]");
        await page.SaveScreenshotAsync("anonymize-confirmation-cs");
        await page.ClickAsync("[data-testid=confirm-anonymize]");

        Assert.True(await page.Locator("[data-testid=anonymized-badge]").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("[data-testid=transcript] .bubble-text").CountAsync());
        Assert.Equal(string.Empty, (await page.InnerTextAsync("[data-testid=whatsapp-contact]")).Trim());
        await page.SaveScreenshotAsync("detail-after-anonymize-cs");
        await page.Context.CloseAsync();
    }
}
