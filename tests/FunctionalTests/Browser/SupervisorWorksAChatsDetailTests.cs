using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Infrastructure.Browser.Pages;

namespace WapListing.FunctionalTests.Browser;

/// <summary>The detail in the browser: shared links, tabs, the transcript and the actions, over chats made for each test.</summary>
public sealed class SupervisorWorksAChatsDetailTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly DateTimeOffset ChatTime = TestClock.DemoNow.AddHours(-2);

    [BrowserFact]
    public async Task A_shared_link_opened_signed_out_goes_through_login_to_the_selected_activity_and_tabs_switch()
    {
        var (supervisor, queue) = await SupervisorWithQueueAsync();
        var chat = await app.Data.AddInteractionAsync(queue, ChatTime, i => i.WhatsAppContact = "Jana Sdílená");
        var first = await app.Data.AddActivityAsync(chat, await app.Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var second = await app.Data.AddActivityAsync(chat, await app.Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(10));
        string[] texts = ["Dobrý den, mám dotaz k objednávce.", "Dobrý den, s čím mohu pomoci?", "Přepojuji na kolegu."];
        await app.Data.AddMessageAsync(chat, ChatTime.AddSeconds(5), texts[0]);
        await app.Data.AddMessageAsync(chat, ChatTime.AddMinutes(2), texts[1], MessageDirection.AgentToCustomer);
        await app.Data.AddMessageAsync(chat, ChatTime.AddMinutes(9), texts[2], MessageDirection.AgentToCustomer);
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;

        await DetailPage.OpenAsync(page, second.Name);
        var login = new LoginPage(page);
        Assert.True(login.IsShown, page.Url);
        await login.SubmitAsync(supervisor.UserName!);
        await page.WaitForURLAsync(url => url.Contains("activityDetail=" + second.Name, StringComparison.Ordinal));
        var detail = new DetailPage(page);
        Assert.Equal([first.Name, second.Name], await detail.ActivitiesAsync());
        Assert.Equal(second.Name, await detail.SelectedActivityAsync());

        await detail.ShowActivityTabAsync();
        Assert.Equal(second.Name, await detail.ActivityNameAsync());
        Assert.EndsWith("activityDetail=" + second.Name, await detail.ShareableLinkAsync(), StringComparison.Ordinal);
        await page.SaveScreenshotAsync("detail-activity-tab-cs");

        await detail.SelectActivityAsync(first.Name);
        Assert.Equal(first.Name, await detail.ActivityNameAsync());
        await detail.ShowWapTabAsync();
        Assert.Equal(texts, await detail.MessageTextsAsync());
        await page.SaveScreenshotAsync("detail-wap-tab-cs");
    }

    [BrowserFact]
    public async Task Hostile_chat_texts_show_as_text_and_no_script_runs()
    {
        const string hostile = "<script>alert(1)</script>";
        var (supervisor, queue) = await SupervisorWithQueueAsync();
        var chat = await app.Data.AddInteractionAsync(queue, ChatTime, i => i.WhatsAppContact = hostile);
        await app.Data.AddMessageAsync(chat, ChatTime.AddSeconds(5), hostile);
        await using var browser = await app.OpenBrowserAsync("cs-CZ");
        var page = browser.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.SignInAsync(supervisor.UserName!);

        var detail = await DetailPage.OpenAsync(page, chat.Name);

        Assert.Equal(hostile, await detail.WhatsAppContactAsync());
        Assert.Equal([hostile], await detail.MessageTextsAsync());
        Assert.Equal(0, dialogs);
        await page.SaveScreenshotAsync("detail-hostile-transcript-cs");
    }

    [BrowserFact]
    public async Task The_anomaly_triangle_explains_itself()
    {
        var administrator = await app.Data.AddUserAsync(UserRole.Administrator, language: "cs", allQueues: true, allUsers: true);
        var chat = await app.Data.AddInteractionAsync(await app.Data.AddQueueAsync(), ChatTime);
        var activity = await app.Data.AddActivityAsync(chat, await app.Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1), a => a.TimeAnomaly = true);
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync(administrator.UserName!);

        var detail = await DetailPage.OpenAsync(page, activity.Name, tab: "activity");

        Assert.Equal("Hodnota může být nepřesná, např. po vypnutí počítače operátora nebo ztrátě spojení.", await detail.AnomalyExplanationAsync());
        await page.SaveScreenshotAsync("detail-anomaly-cs");

        await new SiteHeader(page).SwitchLanguageAsync("en");
        Assert.Equal("The value may be inaccurate, e.g. after the agent's computer shut down or lost its connection.", await detail.AnomalyExplanationAsync());
        await page.SaveScreenshotAsync("detail-anomaly-en");
        await detail.ShowWapTabAsync();
        await page.SaveScreenshotAsync("detail-wap-tab-en");
    }

    [BrowserFact]
    public async Task A_supervisor_pairs_a_contact_from_the_listings_plus_button()
    {
        var (supervisor, queue) = await SupervisorWithQueueAsync();
        var chat = await app.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddMinutes(-5), i => i.WhatsAppContact = "Květa");
        await app.Data.AddActivityAsync(chat, await app.Data.AddUserAsync(UserRole.Agent), TestClock.DemoNow.AddMinutes(-4));
        var contact = await app.Data.AddContactAsync("Květoslava Nováčková", "+420601222333");
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync(supervisor.UserName!);
        var listing = new ListingPage(page);
        Assert.Equal([chat.Name], await listing.RowNamesAsync());
        Assert.True(await listing.OffersPairingAsync(chat.Name));

        var detail = await listing.PairContactAsync(chat.Name);
        Assert.True(await detail.IsPanelOpenAsync("pair"));
        await detail.PairWithContactAsync("kvetoslava novackova", contact.Name);

        Assert.Equal("Kontakt byl spárován.", await detail.ActionMessageAsync());
        await using var db = TestDatabases.Open(app.ConnectionString);
        Assert.Equal(contact.Id, await db.Interactions.Where(i => i.Id == chat.Id).Select(i => i.ContactId).SingleAsync());
    }

    [BrowserFact]
    public async Task Anonymizing_through_the_confirmation_removes_the_transcript()
    {
        var (supervisor, queue) = await SupervisorWithQueueAsync();
        var chat = await app.Data.AddInteractionAsync(queue, ChatTime, i =>
        {
            i.WhatsAppContact = "Petr Anonymní";
            i.CustomerNumber = "+420602444555";
        });
        string[] texts = ["Moje adresa je Dlouhá 12.", "Děkujeme, zapsáno.", "Na shledanou."];
        await app.Data.AddMessageAsync(chat, ChatTime.AddSeconds(5), texts[0]);
        await app.Data.AddMessageAsync(chat, ChatTime.AddMinutes(1), texts[1], MessageDirection.AgentToCustomer);
        await app.Data.AddMessageAsync(chat, ChatTime.AddMinutes(2), texts[2]);
        await using var browser = await app.OpenBrowserAsync("en-US");
        var page = browser.Page;
        await page.SignInAsync(supervisor.UserName!);
        var detail = await DetailPage.OpenAsync(page, chat.Name);
        Assert.Equal(texts, await detail.MessageTextsAsync());
        await page.SaveScreenshotAsync("detail-before-anonymize-cs");

        await detail.OpenAnonymizeConfirmationAsync();
        await page.SaveScreenshotAsync("anonymize-confirmation-cs");
        await detail.ConfirmAnonymizeAsync();

        Assert.True(await detail.ShowsAnonymizedBadgeAsync());
        Assert.Empty(await detail.MessageTextsAsync());
        Assert.Equal(string.Empty, await detail.WhatsAppContactAsync());
        await page.SaveScreenshotAsync("detail-after-anonymize-cs");
    }

    /// <summary>A Czech supervisor who sees exactly one queue of their own.</summary>
    private async Task<(User Supervisor, Queue Queue)> SupervisorWithQueueAsync()
    {
        var queue = await app.Data.AddQueueAsync();
        var supervisor = await app.Data.AddUserAsync(UserRole.Supervisor, language: "cs", displayName: "Soňa Testová", grants: [RightsGrant.ForQueue(queue.Id)]);
        return (supervisor, queue);
    }
}
