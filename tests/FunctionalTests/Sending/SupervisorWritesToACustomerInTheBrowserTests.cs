using Microsoft.Playwright;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;

namespace WapListing.FunctionalTests.Sending;

/// <summary>
/// The WhatsApp icon in Chromium: a supervisor answers a missed chat, sees the message sent and then delivered when
/// WhatsApp's status webhook arrives, and the listing shows the missed chat contacted back.
/// </summary>
public sealed class SupervisorWritesToACustomerInTheBrowserTests(SendingAppFixture app) : IClassFixture<SendingAppFixture>
{
    private string BaseUrl => app.Http.BaseAddress!.ToString().TrimEnd('/');

    [BrowserFact]
    public async Task A_supervisor_answers_a_missed_chat_sees_it_sent_then_delivered_and_the_listing_shows_it_contacted_back()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(2));
        await using var browser = await BrowserSession.OpenAsync(BaseUrl, "cs-CZ");
        var page = browser.Page;
        await page.SignInAsync(supervisor.UserName!);
        await DetailPage.OpenAsync(page, missed.Name);

        await page.ClickAsync("[data-testid=start-activity]");
        await page.WaitForSelectorAsync("[data-testid=composer]");
        Assert.Contains("zbývá 22 h 0 min", await page.InnerTextAsync("[data-testid=window-open]"), StringComparison.Ordinal);
        await page.FillAsync("[data-testid=composer-text]", "Dobrý den, omlouváme se, že jsme nestihli odpovědět. Jak můžeme pomoci?");
        Assert.Contains("71 / 4096", await page.InnerTextAsync("[data-composer-count]"));
        await page.SaveScreenshotAsync("composer-window-open-cs");
        await page.ClickAsync("[data-testid=composer-preview-button]");
        await page.WaitForSelectorAsync("[data-testid=composer-preview]");
        await page.SaveScreenshotAsync("composer-preview-cs");

        // Changing the text after the preview asks for a new preview before anything can be sent.
        await page.FillAsync("[data-testid=composer-text]", "Dobrý den, omlouváme se, že jsme nestihli odpovědět. Jak vám můžeme pomoci?");
        Assert.False(await page.IsVisibleAsync("[data-testid=composer-send]"));
        await page.ClickAsync("[data-testid=composer-preview-button]");
        await page.ClickAsync("[data-testid=composer-send]");
        await page.WaitForSelectorAsync("[data-testid=detail-message]");

        Assert.Equal("Zpráva byla předána WhatsAppu.", (await page.InnerTextAsync("[data-testid=detail-message]")).Trim());
        var detail = new DetailPage(page);
        Assert.Equal(["Dobrý den, omlouváme se, že jsme nestihli odpovědět. Jak vám můžeme pomoci?"], (await detail.MessageTextsAsync()).Skip(0).Where(t => t.StartsWith("Dobrý den, omlouv", StringComparison.Ordinal)));
        Assert.Equal("· odesláno", (await page.Locator("[data-testid=message]").Last.Locator("[data-testid=delivery]").InnerTextAsync()).Trim());
        var sent = Assert.Single(app.SentTo(number));

        await app.StatusAsync(sent, "delivered");
        await page.ReloadAsync();
        Assert.Equal("· doručeno", (await page.Locator("[data-testid=message]").Last.Locator("[data-testid=delivery]").InnerTextAsync()).Trim());
        await page.SaveScreenshotAsync("composer-sent-delivered-cs");

        var listing = await ListingPage.OpenAsync(page);
        var rows = await listing.RowNamesAsync();
        var missedCells = await listing.CellsAsync(ListingPage.Column.Missed);
        Assert.Equal("Kontaktováno zpět (NO)", missedCells[rows.IndexOf(missed.Name)]);
        await page.SaveScreenshotAsync("composer-listing-contacted-back-cs");
    }

    [BrowserFact]
    public async Task Outside_the_window_the_composer_offers_only_templates_and_builds_their_parameter_fields()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromDays(2), "en");
        await using (var db = app.OpenDb())
        {
            db.WhatsAppTemplates.Add(new WhatsAppTemplate
            {
                ConnectorId = app.Connector.Id,
                Name = "missed_chat_followup_" + TestData.Suffix(),
                Language = "en_US",
                Category = "UTILITY",
                Body = "Hello {{1}}, we are sorry we missed your message about {{2}}. Reply to this message and we will help you.",
                ParameterCount = 2,
                FetchedAt = TestClock.DemoNow,
            });
            await db.SaveChangesAsync();
        }

        await using var browser = await BrowserSession.OpenAsync(BaseUrl, "en-US");
        var page = browser.Page;
        await page.SignInAsync(supervisor.UserName!);
        await DetailPage.OpenAsync(page, missed.Name);
        await page.ClickAsync("[data-testid=start-activity]");
        await page.WaitForSelectorAsync("[data-testid=window-closed]");
        Assert.False(await page.IsVisibleAsync("[data-testid=composer-text]"));

        await page.Locator("[data-testid=composer-template]").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator("[data-testid=composer-parameter]").First.WaitForAsync();
        Assert.Equal(2, await page.Locator("[data-testid=composer-parameter]").CountAsync());
        await page.Locator("[data-testid=composer-parameter]").Nth(0).FillAsync("Jana");
        await page.Locator("[data-testid=composer-parameter]").Nth(1).FillAsync("order 1234");
        await page.ClickAsync("[data-testid=composer-preview-button]");
        await page.WaitForSelectorAsync("[data-testid=composer-preview]");
        Assert.Contains("Hello Jana, we are sorry we missed your message about order 1234.", await page.InnerTextAsync("[data-testid=composer-preview]"));
        await page.SaveScreenshotAsync("composer-window-closed-template-en");

        await page.ClickAsync("[data-testid=composer-send]");
        await page.WaitForSelectorAsync("[data-testid=detail-message]");
        Assert.Equal("template", (string?)Assert.Single(app.SentTo(number)).Body["type"]);
    }

    [BrowserFact]
    public async Task A_message_WhatsApp_could_not_deliver_shows_its_error_in_both_languages()
    {
        foreach (var (language, locale, failedWord) in new[] { ("cs", "cs-CZ", "nedoručeno"), ("en", "en-US", "failed") })
        {
            var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(1), language);
            await using var browser = await BrowserSession.OpenAsync(BaseUrl, locale);
            var page = browser.Page;
            await page.SignInAsync(supervisor.UserName!);
            await DetailPage.OpenAsync(page, missed.Name);
            await page.ClickAsync("[data-testid=start-activity]");
            await page.FillAsync("[data-testid=composer-text]", "Zkusíme to znovu zítra.");
            await page.ClickAsync("[data-testid=composer-preview-button]");
            await page.ClickAsync("[data-testid=composer-send]");
            await page.WaitForSelectorAsync("[data-testid=detail-message]");

            await app.StatusAsync(Assert.Single(app.SentTo(number)), "failed", 131026, "Message undeliverable");
            await page.ReloadAsync();

            var last = page.Locator("[data-testid=message]").Last;
            Assert.Equal("· " + failedWord, (await last.Locator("[data-testid=delivery]").InnerTextAsync()).Trim());
            Assert.Contains("131026", await last.Locator("[data-testid=delivery-error]").InnerTextAsync());

            // A second message that WhatsApp refuses at once stays beside the transcript with its reason, and the text is kept.
            app.Graph.FailSendsTo(number.TrimStart('+'), 131047, "Re-engagement message");
            await page.FillAsync("[data-testid=composer-text]", "A ještě jednou.");
            await page.ClickAsync("[data-testid=composer-preview-button]");
            await page.ClickAsync("[data-testid=composer-send]");
            await page.WaitForSelectorAsync("[data-testid=send-problem]");
            Assert.Equal("A ještě jednou.", await page.InputValueAsync("[data-testid=composer-text]"));
            Assert.Equal("Refused", await page.GetAttributeAsync("[data-testid=send-attempt]", "data-state"));
            await page.SaveScreenshotAsync($"composer-failed-message-{language}");
        }
    }
}
