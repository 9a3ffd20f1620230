using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Detail;

/// <summary>Smaller things a user meets around the detail: new contacts' numbers, a QA review's own page, the way back to the listing.</summary>
public sealed class DetailSmallThingsTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private TestData Data => demo.Data;

    [Theory]
    [InlineData("604 333 444", "+420604333444")]
    [InlineData("00421 905 123 456", "+421905123456")]
    [InlineData("+420 (604) 333-445", "+420604333445")]
    public async Task A_new_contacts_phone_is_stored_as_E164(string typed, string stored)
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = await SignedInAsync(supervisor);
        var name = "Nový Kontakt " + TestData.Suffix();

        var response = await client.PostFormAsync(Page(activity.Name), "/listing/activities/create-contact", new()
        {
            ["activity"] = activity.Name,
            ["name"] = name,
            ["phone"] = typed,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        Assert.Equal([stored], (await after.Contacts.SingleAsync(c => c.Name == name)).PhoneNumbers);
    }

    [Theory]
    [InlineData("volejte mi večer")]
    [InlineData("123")]
    [InlineData("+420 604 333 444 ext. 5")]
    public async Task A_phone_that_is_no_number_is_refused_with_a_message_and_nothing_is_created(string typed)
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = await SignedInAsync(supervisor);
        var name = "Odmítnutý Kontakt " + TestData.Suffix();

        var response = await client.PostFormAsync(Page(activity.Name), "/listing/activities/create-contact", new()
        {
            ["activity"] = activity.Name,
            ["name"] = name,
            ["phone"] = typed,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Telefonní číslo není platné", back);
        await using var after = demo.OpenDb();
        Assert.False(await after.Contacts.AnyAsync(c => c.Name == name));
        Assert.Null(await after.Interactions.Where(i => i.Id == chat.Id).Select(i => i.ContactId).SingleAsync());
    }

    [Fact]
    public async Task A_qa_review_opens_on_its_own_page_from_the_detail_for_those_who_may_read_it()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var agent = await Data.UserSeeingAsync(UserRole.Agent, queue);
        var colleague = await Data.UserSeeingAsync(UserRole.Agent, queue);
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var agents = await Data.AddActivityAsync(chat, agent, ChatTime.AddMinutes(1));
        var review = await Data.AddQaReviewAsync(agents, supervisor, TestClock.DemoNow, 2, "Pozdrav chyběl <script>alert(1)</script>");
        var supervisorView = await SignedInAsync(supervisor);

        var detail = await supervisorView.GetStringAsync(Page(chat.Name));
        var link = $"/listing/activities/qa/{review.Id}";
        Assert.Contains($"href=\"{link}\"", detail);

        var page = await supervisorView.GetStringAsync(link);
        Assert.Contains(">2 body<", page);
        Assert.Contains("Soňa Testová", page);
        Assert.Contains("Pozdrav chyběl &lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);

        // The reviewed agent reads it; another agent of the same queue does not, nor does anyone outside the rights.
        Assert.Equal(HttpStatusCode.OK, (await (await SignedInAsync(agent)).GetAsync(link)).StatusCode);
        await AssertNotFoundAsync(await (await SignedInAsync(colleague)).GetAsync(link));
        var foreignSupervisor = await Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue((await Data.AddQueueAsync()).Id)]);
        await AssertNotFoundAsync(await (await SignedInAsync(foreignSupervisor)).GetAsync(link));
        await AssertNotFoundAsync(await supervisorView.GetAsync("/listing/activities/qa/2147483647"));
    }

    [Fact]
    public async Task Every_rows_eye_link_shows_the_eye_and_opens_that_rows_detail()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chats = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            chats.Add((await Data.AddInteractionAsync(queue, ChatTime.AddMinutes(i))).Name);
        }

        var listing = await (await SignedInAsync(supervisor)).GetStringAsync($"/listing/wap?time=today&queue={queue.Id}&sort=time&dir=asc");

        var links = Regex.Matches(listing, "href=\"([^\"]*)\" title=\"[^\"]*\" aria-label=\"[^\"]*\" data-testid=\"open-detail\">\\s*(<svg[^>]*>.*?</svg>)?\\s*</a>", RegexOptions.Singleline);
        Assert.Equal(chats.Count, links.Count);
        for (var i = 0; i < chats.Count; i++)
        {
            Assert.StartsWith($"/listing/activities/?activityDetail={chats[i]}&back=", WebUtility.HtmlDecode(links[i].Groups[1].Value), StringComparison.Ordinal);
            Assert.True(links[i].Groups[2].Success, $"Row {i + 1}'s eye link has no icon.");
        }
    }

    [Fact]
    public async Task The_detail_breadcrumb_goes_back_to_the_listing_with_its_filters()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = await SignedInAsync(supervisor);
        var listingQuery = $"?time=today&queue={queue.Id}&sort=wait&dir=asc";

        var listing = await client.GetStringAsync("/listing/wap" + listingQuery);
        var detailLink = WebUtility.HtmlDecode(Regex.Match(listing, "href=\"([^\"]*)\" title=\"[^\"]*\" aria-label=\"[^\"]*\" data-testid=\"open-detail\"").Groups[1].Value);
        Assert.Equal($"/listing/activities/?activityDetail={chat.Name}&back={Uri.EscapeDataString(listingQuery)}", detailLink);

        var detail = await client.GetStringAsync(detailLink);
        Assert.Equal("/listing/wap" + listingQuery, BackLink(detail));

        // Moving within the detail (its tabs) keeps the way back.
        var activityTab = WebUtility.HtmlDecode(Regex.Match(detail, "data-testid=\"tab-activity\"[^>]*href=\"([^\"]*)\"|href=\"([^\"]*)\"[^>]*data-testid=\"tab-activity\"") is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            : string.Empty);
        Assert.Contains("tab=activity", activityTab);
        Assert.Equal("/listing/wap" + listingQuery, BackLink(await client.GetStringAsync(activityTab)));

        // Without one, or with anything that is not a listing query, the breadcrumb is the plain listing.
        Assert.Equal("/listing/wap", BackLink(await client.GetStringAsync(Page(chat.Name))));
        foreach (var bad in new[] { "//evil.example/", "https://evil.example/listing/wap", "javascript:alert(1)", "/manage", "?a=1#x" })
        {
            Assert.Equal("/listing/wap", BackLink(await client.GetStringAsync($"{Page(chat.Name)}&back={Uri.EscapeDataString(bad)}")));
        }
    }

    private static string BackLink(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<a href=\"([^\"]*)\" data-testid=\"back-to-listing\"").Groups[1].Value);

    private async Task<HttpClient> SignedInAsync(User user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!);
        return client;
    }
}
