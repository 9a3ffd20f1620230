using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Detail;

public sealed class DetailRoutesTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task An_interaction_name_opens_the_detail_with_its_first_activity_selected()
    {
        await using var db = demo.OpenDb();
        var interaction = await DetailSupport.FindAsync(db, i => i.Activities.Count >= 2);
        var first = interaction.Activities.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).First();
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");

        var html = await client.GetStringAsync($"/listing/activities/?activityDetail={interaction.Name}");

        Assert.Equal(first.Name, DetailSupport.SelectedActivity(html));
        Assert.All(interaction.Activities, a => Assert.Contains(a.Name, html));
    }

    [Fact]
    public async Task An_activity_name_opens_the_detail_with_that_activity_selected()
    {
        await using var db = demo.OpenDb();
        var interaction = await DetailSupport.FindAsync(db, i => i.Activities.Count >= 2);
        var last = interaction.Activities.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Last();
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");

        var html = await client.GetStringAsync($"/listing/activities/?activityDetail={last.Name}&tab=activity");

        Assert.Equal(last.Name, DetailSupport.SelectedActivity(html));
        Assert.Contains($"/listing/activities/?activityDetail={last.Name}\"", html.Replace("&amp;", "&", StringComparison.Ordinal));
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
        await DetailSupport.AssertNotFoundAsync(await client.GetAsync($"/listing/activities/?activityDetail={name}"));
    }

    [Fact]
    public async Task A_foreign_interaction_gives_the_same_404_page_and_its_attachments_too()
    {
        await using var db = demo.OpenDb();
        var foreign = await db.Interactions
            .Where(i => i.Queue!.Name == "Billing EN" && !i.Participants.Any(p => p.UserId == db.Users.Single(u => u.UserName == "agent").Id))
            .Where(i => i.Messages.Any(m => m.Attachments.Any()))
            .Select(i => new { i.Name, Attachment = i.Messages.SelectMany(m => m.Attachments).Select(a => a.Id).First(), Activity = i.Activities.Select(a => a.Name).First() })
            .FirstAsync();
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("agent");

        await DetailSupport.AssertNotFoundAsync(await client.GetAsync($"/listing/activities/?activityDetail={foreign.Name}"));
        await DetailSupport.AssertNotFoundAsync(await client.GetAsync($"/listing/activities/?activityDetail={foreign.Activity}"));
        await DetailSupport.AssertNotFoundAsync(await client.GetAsync($"/listing/activities/attachments/{foreign.Attachment}"));

        var admin = demo.App.CreateBrowserLikeClient();
        await admin.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/listing/activities/?activityDetail={foreign.Name}")).StatusCode);
    }

    [Fact]
    public async Task Signed_out_a_shared_link_goes_to_login_and_straight_back()
    {
        await using var db = demo.OpenDb();
        var activity = (await DetailSupport.FindAsync(db, i => i.Activities.Any())).Activities.First().Name;
        var client = demo.App.CreateBrowserLikeClient();
        var link = $"/listing/activities/?activityDetail={activity}";

        var redirect = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/account/login", redirect.Headers.Location!.ToString());

        var login = await client.PostLoginAsync("supervisor", HttpSignIn.DemoPassword, link);
        Assert.Equal(link, login.Headers.Location?.ToString());
        Assert.Equal(activity, DetailSupport.SelectedActivity(await client.GetStringAsync(link)));
    }

    [Fact]
    public async Task Attachments_download_as_attachments_with_a_safe_content_type()
    {
        await using var db = demo.OpenDb();
        var attachment = await db.MessageAttachments.Where(a => a.ContentType == "application/pdf").Select(a => new { a.Id, a.FileName, a.Content }).FirstAsync();
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var response = await client.GetAsync($"/listing/activities/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(attachment.FileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(attachment.Content, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Chat_texts_are_html_encoded_in_the_transcript()
    {
        await using var db = demo.OpenDb();
        var hostile = await db.Interactions.Where(i => i.WhatsAppContact == "<script>alert(1)</script>").Select(i => i.Name).FirstAsync();
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");

        var html = await client.GetStringAsync($"/listing/activities/?activityDetail={hostile}");

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task The_detail_costs_a_fixed_number_of_commands_whatever_its_size()
    {
        await using var db = demo.OpenDb();
        var small = await db.Interactions.Where(i => i.Messages.Count() <= 2 && i.Activities.Count() == 1).Select(i => i.Name).FirstAsync();
        var big = await db.Interactions.Where(i => i.Messages.Count() >= 8 && i.Activities.Count() >= 2).Select(i => i.Name).FirstAsync();
        var counter = new CommandCounter();
        using var app = demo.App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<WapListingDbContext>(options => options.AddInterceptors(counter))));
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync("admin");

        async Task<int> CommandsFor(string name)
        {
            var before = counter.Count;
            var response = await client.GetAsync($"/listing/activities/?activityDetail={name}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return counter.Count - before;
        }

        var smallCount = await CommandsFor(small);
        Assert.Equal(smallCount, await CommandsFor(big));
        Assert.True(smallCount <= 7, $"{smallCount} commands");
    }

    [Fact]
    public async Task Agents_see_only_qa_reviews_of_their_own_activities()
    {
        await using var db = demo.OpenDb();
        var agentId = await db.Users.Where(u => u.UserName == "agent").Select(u => u.Id).SingleAsync();
        var reviewed = await db.QaReviews.Where(r => db.Activities.Any(a => a.Id == r.ActivityId && a.UserId != agentId && a.QueueId == db.Queues.Single(q => q.Name == "Technická podpora").Id))
            .Select(r => new { Interaction = db.Activities.Where(a => a.Id == r.ActivityId).Select(a => a.Interaction!.Name).First(), r.Score })
            .FirstOrDefaultAsync();
        Assert.NotNull(reviewed);
        var agent = demo.App.CreateBrowserLikeClient();
        await agent.SignInAsync("agent");
        var supervisorView = demo.App.CreateBrowserLikeClient();
        await supervisorView.SignInAsync("admin");

        Assert.DoesNotContain($"{reviewed.Score} bodů", await agent.GetStringAsync($"/listing/activities/?activityDetail={reviewed.Interaction}"));
        Assert.Contains($"{reviewed.Score} bodů", await supervisorView.GetStringAsync($"/listing/activities/?activityDetail={reviewed.Interaction}"));
    }
}
