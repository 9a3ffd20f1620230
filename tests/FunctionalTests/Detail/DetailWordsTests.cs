using System.Net;
using System.Text.RegularExpressions;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Detail;

/// <summary>The detail's and CRM pages' words and meanings: talk time, counted words, translated states, event texts.</summary>
public sealed partial class DetailWordsTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private TestData Data => demo.Data;

    [Fact]
    public async Task The_activity_tab_shows_the_interactions_talk_time_and_the_activitys_duration_under_its_own_label()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime, c => c.TalkTime = 270);
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1), a => a.Duration = 120);
        var client = await SignedInAsync(supervisor);

        var html = await client.GetStringAsync($"{Page(activity.Name)}&tab=activity");

        Assert.Equal("0:04:30", Cell(html, "talk-time"));
        Assert.Equal("0:02:00", Cell(html, "activity-duration"));
        Assert.Contains(">Doba mluvení<", html);
        Assert.Contains(">Doba trvání aktivity<", html);
    }

    [Theory]
    [InlineData("cs", 1, "1 bod")]
    [InlineData("cs", 2, "2 body")]
    [InlineData("cs", 4, "4 body")]
    [InlineData("cs", 5, "5 bodů")]
    [InlineData("cs", 0, "0 bodů")]
    [InlineData("en", 1, "1 point")]
    [InlineData("en", 2, "2 points")]
    public async Task Qa_points_use_the_languages_plural_forms(string language, int score, string expected)
    {
        var queue = await Data.AddQueueAsync();
        var supervisor = await Data.AddUserAsync(UserRole.Supervisor, language: language, grants: [RightsGrant.ForQueue(queue.Id)]);
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        await Data.AddQaReviewAsync(activity, supervisor, TestClock.DemoNow, score, "Hodnocení");
        var client = await SignedInAsync(supervisor);

        var html = await client.GetStringAsync(Page(chat.Name));

        Assert.Matches($">{Regex.Escape(expected)}[ <·]", html);
    }

    [Theory]
    [InlineData("cs", "Čekající")]
    [InlineData("en", "Waiting")]
    public async Task A_tickets_status_is_shown_in_the_viewers_language(string language, string expected)
    {
        var queue = await Data.AddQueueAsync();
        var supervisor = await Data.AddUserAsync(UserRole.Supervisor, language: language, grants: [RightsGrant.ForQueue(queue.Id)]);
        var ticket = await Data.AddTicketAsync("Reklamace");
        await using (var db = demo.OpenDb())
        {
            db.Tickets.Single(t => t.Id == ticket.Id).Status = TicketStatus.Waiting;
            await db.SaveChangesAsync();
        }

        var client = await SignedInAsync(supervisor);
        var html = await client.GetStringAsync($"/tickets/{ticket.Id}");

        Assert.Contains($">{expected}<", html);
        Assert.DoesNotContain(">Waiting<", language == "cs" ? html : string.Empty);
    }

    [Fact]
    public async Task Processing_events_show_their_detail_text_encoded()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        await Data.AddProcessingEventAsync(chat, ChatTime, ProcessingEventKind.TransferredToQueue, detail: "Přepojeno: <b>VIP</b> linka");
        var client = await SignedInAsync(supervisor);

        var html = await client.GetStringAsync(Page(chat.Name));

        Assert.Equal("Přepojeno: <b>VIP</b> linka", Cell(html, "event-detail"));
        Assert.DoesNotContain("<b>VIP</b>", html);
    }

    private static string? Cell(string html, string testId) =>
        Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    private async Task<HttpClient> SignedInAsync(User user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!);
        return client;
    }
}
