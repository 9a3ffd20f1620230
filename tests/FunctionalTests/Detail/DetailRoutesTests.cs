using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Detail;

/// <summary>Which detail a name opens, who may open it, its attachments, encoding and cost, over chats made for each test.</summary>
public sealed class DetailRoutesTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private TestData Data => demo.Data;

    [Fact]
    public async Task An_interaction_name_opens_the_detail_with_its_first_activity_selected()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        // Stored in the other order than they happened: "first" is by time, not by id.
        var later = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(10));
        var first = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = await SignedInAsync(supervisor);

        var html = await client.GetStringAsync(Page(chat.Name));

        Assert.Equal(first.Name, SelectedActivity(html));
        Assert.Equal([first.Name, later.Name], Activities(html));
    }

    [Fact]
    public async Task An_activity_name_opens_the_detail_with_that_activity_selected()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var first = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var last = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(10));
        var client = await SignedInAsync(supervisor);

        var html = await client.GetStringAsync($"{Page(last.Name)}&tab=activity");

        Assert.Equal(last.Name, SelectedActivity(html));
        Assert.Equal([first.Name, last.Name], Activities(html));
        Assert.Equal($"http://localhost/listing/activities/?activityDetail={last.Name}", ShareableLink(html));
    }

    [Theory]
    [InlineData("wap_0000000000000")]
    [InlineData("activities_0000000000000")]
    [InlineData("")]
    [InlineData("%27%20OR%201%3D1")]
    public async Task Unknown_names_give_the_404_page(string name)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        await AssertNotFoundAsync(await client.GetAsync(Page(name)));
    }

    [Fact]
    public async Task A_foreign_interaction_gives_the_same_404_page_and_its_attachments_too()
    {
        var own = await Data.AddQueueAsync();
        var foreignQueue = await Data.AddQueueAsync();
        var agent = await Data.UserSeeingAsync(UserRole.Agent, own);
        var foreign = await Data.AddInteractionAsync(foreignQueue, ChatTime);
        var activity = await Data.AddActivityAsync(foreign, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var message = await Data.AddMessageAsync(foreign, ChatTime.AddMinutes(2), "Posílám fakturu.");
        var attachment = await Data.AddAttachmentAsync(message, "faktura.pdf", "application/pdf", "%PDF-1.4 faktura"u8.ToArray());
        var client = await SignedInAsync(agent);

        await AssertNotFoundAsync(await client.GetAsync(Page(foreign.Name)));
        await AssertNotFoundAsync(await client.GetAsync(Page(activity.Name)));
        await AssertNotFoundAsync(await client.GetAsync($"/listing/activities/attachments/{attachment.Id}"));

        var administrator = await SignedInAsync(await Data.AddUserAsync(UserRole.Administrator, allQueues: true, allUsers: true));
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync(Page(foreign.Name))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await administrator.GetAsync($"/listing/activities/attachments/{attachment.Id}")).StatusCode);
    }

    [Fact]
    public async Task Signed_out_a_shared_link_goes_to_login_and_straight_back()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = demo.App.CreateBrowserLikeClient();
        var link = Page(activity.Name);

        var redirect = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal($"/account/login?ReturnUrl={Uri.EscapeDataString(link)}", redirect.Headers.Location!.PathAndQuery);

        var login = await client.PostLoginAsync(supervisor.UserName!, TestData.Password, link);
        Assert.Equal(link, login.Headers.Location?.ToString());
        Assert.Equal(activity.Name, SelectedActivity(await client.GetStringAsync(link)));
    }

    [Fact]
    public async Task Attachments_download_as_attachments_with_a_safe_content_type()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var message = await Data.AddMessageAsync(chat, ChatTime.AddMinutes(1), "Smlouva v příloze.");
        byte[] content = [.. "%PDF-1.4\n"u8, 0x00, 0xFF, .. "smlouva"u8];
        var attachment = await Data.AddAttachmentAsync(message, "smlouva č. 7.pdf", "application/pdf", content);
        var client = await SignedInAsync(supervisor);

        var response = await client.GetAsync($"/listing/activities/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("smlouva č. 7.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Chat_texts_are_html_encoded_in_the_transcript()
    {
        const string hostile = "<script>alert(1)</script>";
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime, i => i.WhatsAppContact = hostile);
        await Data.AddMessageAsync(chat, ChatTime.AddMinutes(1), hostile);
        var client = await SignedInAsync(supervisor);

        var html = await client.GetStringAsync(Page(chat.Name));

        Assert.DoesNotContain(hostile, html);
        Assert.Contains("<div class=\"bubble-text\">&lt;script&gt;alert(1)&lt;/script&gt;</div>", html);
        Assert.Contains("data-testid=\"whatsapp-contact\">&lt;script&gt;alert(1)&lt;/script&gt;</dd>", html);
    }

    [Fact]
    public async Task The_detail_costs_a_fixed_number_of_commands_whatever_its_size()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var small = await Data.AddInteractionAsync(queue, ChatTime);
        await Data.AddActivityAsync(small, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        await Data.AddMessageAsync(small, ChatTime.AddMinutes(1), "Dobrý den");
        await Data.AddMessageAsync(small, ChatTime.AddMinutes(2), "Na shledanou", MessageDirection.AgentToCustomer);
        var big = await Data.AddInteractionAsync(queue, ChatTime.AddMinutes(30));
        for (var i = 0; i < 3; i++)
        {
            var activity = await Data.AddActivityAsync(big, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(31 + i));
            await Data.AddQaReviewAsync(activity, supervisor, TestClock.DemoNow, 60 + i, "Hodnocení");
        }

        for (var i = 0; i < 12; i++)
        {
            var message = await Data.AddMessageAsync(big, ChatTime.AddMinutes(31).AddSeconds(i * 20), $"Zpráva {i}", i % 2 == 0 ? MessageDirection.CustomerToAgent : MessageDirection.AgentToCustomer);
            if (i % 4 == 0)
            {
                await Data.AddAttachmentAsync(message, $"foto{i}.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, (byte)i]);
            }
        }

        var counter = new CommandCounter();
        using var app = demo.App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<WapListingDbContext>(options => options.AddInterceptors(counter))));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(supervisor.UserName!);

        async Task<int> CommandsFor(string name)
        {
            var before = counter.Count;
            var response = await client.GetAsync(Page(name));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return counter.Count - before;
        }

        var smallCount = await CommandsFor(small.Name);
        Assert.Equal(smallCount, await CommandsFor(big.Name));
        Assert.True(smallCount <= 7, $"{smallCount} commands");
    }

    [Fact]
    public async Task Agents_see_only_qa_reviews_of_their_own_activities()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var agent = await Data.UserSeeingAsync(UserRole.Agent, queue);
        var colleague = await Data.AddUserAsync(UserRole.Agent);
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var colleagues = await Data.AddActivityAsync(chat, colleague, ChatTime.AddMinutes(1));
        var agents = await Data.AddActivityAsync(chat, agent, ChatTime.AddMinutes(5));
        await Data.AddQaReviewAsync(colleagues, supervisor, TestClock.DemoNow, 61, "Kolegův chat");
        await Data.AddQaReviewAsync(agents, supervisor, TestClock.DemoNow, 83, "Agentův chat");
        var agentView = await SignedInAsync(agent);
        var supervisorView = await SignedInAsync(supervisor);

        var seenByAgent = await agentView.GetStringAsync(Page(chat.Name));
        var seenBySupervisor = await supervisorView.GetStringAsync(Page(chat.Name));

        Assert.Contains("83 bodů", seenByAgent);
        Assert.DoesNotContain("61 bodů", seenByAgent);
        Assert.Contains("83 bodů", seenBySupervisor);
        Assert.Contains("61 bodů", seenBySupervisor);
    }

    private async Task<HttpClient> SignedInAsync(User user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!);
        return client;
    }
}
