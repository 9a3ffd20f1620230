using System.Net;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Detail;

/// <summary>Each action of the detail: its effect in the database, and who may do it (DESIGN §4).</summary>
public sealed class DetailActionsTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user);
        return client;
    }

    private static string Page(string name) => $"/listing/activities/?activityDetail={name}";

    [Fact]
    public async Task Starting_a_new_activity_from_a_missed_chat_contacts_it_back()
    {
        await using var db = demo.OpenDb();
        var missed = await DetailSupport.FindAsync(db, i => i.MissedState == MissedState.Shown && i.CustomerNumber != null);
        var client = await SignedInAsync("supervisor");

        var response = await client.PostFormAsync(Page(missed.Name), "/listing/activities/start", new() { ["name"] = missed.Name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        var source = await after.Interactions.Include(i => i.ProcessingEvents).SingleAsync(i => i.Id == missed.Id);
        Assert.Equal(MissedState.ContactedBack, source.MissedState);
        var created = await after.Interactions.Include(i => i.Activities).Include(i => i.Participants).SingleAsync(i => i.Id == source.ContactedBackById);
        var supervisorId = await after.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync();
        Assert.Equal(InteractionDirection.Out, created.Direction);
        Assert.Equal(missed.CustomerNumber, created.CustomerNumber);
        Assert.Equal(missed.ConnectorId, created.ConnectorId);
        Assert.Equal(supervisorId, created.UserId);
        var activity = Assert.Single(created.Activities);
        Assert.Equal(ActivityStatus.Open, activity.Status);
        Assert.Equal(supervisorId, activity.UserId);
        Assert.Contains(source.ProcessingEvents, e => e.Kind == ProcessingEventKind.ContactedBack && e.Detail == created.Name);
        Assert.Contains(activity.Name, response.Headers.Location!.ToString());

        var timeline = await client.GetStringAsync(Page(missed.Name));
        Assert.Contains(created.Name, timeline);
    }

    [Fact]
    public async Task A_supervisor_removes_a_missed_chat_from_the_missed_list()
    {
        await using var db = demo.OpenDb();
        var missed = await DetailSupport.FindAsync(db, i => i.MissedState == MissedState.Shown && i.ContactedBackById == null);
        var client = await SignedInAsync("supervisor");

        var response = await client.PostFormAsync(Page(missed.Name), "/listing/activities/remove-missed", new() { ["name"] = missed.Name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        Assert.Equal(MissedState.Removed, await after.Interactions.Where(i => i.Id == missed.Id).Select(i => i.MissedState).SingleAsync());
        Assert.True(await after.ProcessingEvents.AnyAsync(e => e.InteractionId == missed.Id && e.Kind == ProcessingEventKind.RemovedFromMissed));
    }

    [Theory]
    [InlineData("agent", "/listing/activities/remove-missed")]
    [InlineData("manager", "/listing/activities/remove-missed")]
    [InlineData("manager", "/listing/activities/start")]
    [InlineData("manager", "/listing/activities/pair")]
    [InlineData("manager", "/listing/activities/ticket")]
    [InlineData("manager", "/listing/activities/qa")]
    [InlineData("agent", "/listing/activities/qa")]
    [InlineData("agent", "/listing/activities/anonymize")]
    [InlineData("manager", "/listing/activities/anonymize")]
    public async Task Roles_without_the_access_get_403_from_the_server(string user, string action)
    {
        await using var db = demo.OpenDb();
        var target = await db.Interactions.Where(i => i.MissedState == MissedState.Shown).Select(i => new { i.Name, Activity = i.Activities.Select(a => a.Name).First() }).FirstAsync();
        var client = await SignedInAsync(user);

        var response = await client.PostFormAsync("/listing/wap", action, new()
        {
            ["name"] = target.Name,
            ["activity"] = target.Activity,
            ["contactId"] = "1",
            ["title"] = "x",
            ["score"] = "50",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var after = demo.OpenDb();
        Assert.Equal(MissedState.Shown, await after.Interactions.Where(i => i.Name == target.Name).Select(i => i.MissedState).SingleAsync());
    }

    [Fact]
    public async Task An_agent_cannot_even_open_the_anonymize_confirmation()
    {
        var client = await SignedInAsync("agent");
        var response = await client.GetAsync("/listing/activities/anonymize?name=wap_x");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Pairing_sets_the_contact_of_the_interaction_and_of_its_activities_without_one()
    {
        await using var db = demo.OpenDb();
        var unpaired = await DetailSupport.FindAsync(db, i => i.ContactId == null && i.AnonymizedAt == null && i.Activities.Count >= 2 && i.Activities.All(a => a.ContactId == null));
        var contact = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var activity = unpaired.Activities.OrderBy(a => a.Id).Last().Name;
        var client = await SignedInAsync("agent");
        await using (var rights = demo.OpenDb())
        {
            // The agent sees Technická podpora and their own chats; use the supervisor when the chat is not the agent's.
            if (!await rights.Interactions.AnyAsync(i => i.Id == unpaired.Id && (i.Queue!.Name == "Technická podpora" || i.Participants.Any(p => p.UserId == rights.Users.Single(u => u.UserName == "agent").Id))))
            {
                client = await SignedInAsync("supervisor");
            }
        }

        var response = await client.PostFormAsync(Page(activity), "/listing/activities/pair", new() { ["activity"] = activity, ["contactId"] = contact.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        Assert.Equal(contact, await after.Interactions.Where(i => i.Id == unpaired.Id).Select(i => i.ContactId).SingleAsync());
        Assert.All(await after.Activities.Where(a => a.InteractionId == unpaired.Id).ToListAsync(), a => Assert.Equal(contact, a.ContactId));
    }

    [Fact]
    public async Task Creating_a_contact_prefilled_from_whatsapp_pairs_it()
    {
        await using var db = demo.OpenDb();
        var unpaired = await DetailSupport.FindAsync(db, i => i.ContactId == null && i.AnonymizedAt == null && i.CustomerNumber != null && i.Activities.Any());
        var activity = unpaired.Activities.First().Name;
        var client = await SignedInAsync("supervisor");
        var panel = await client.GetStringAsync(Page(activity) + "&panel=pair");
        Assert.Contains($"value=\"{unpaired.CustomerNumber}\"", WebUtility.HtmlDecode(panel));

        var response = await client.PostFormAsync(Page(activity), "/listing/activities/create-contact", new()
        {
            ["activity"] = activity,
            ["name"] = "Zdeňka Nováčková",
            ["phone"] = unpaired.CustomerNumber!,
            ["email"] = "zdenka@example.com",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        var contact = await after.Contacts.SingleAsync(c => c.Name == "Zdeňka Nováčková");
        Assert.Equal([unpaired.CustomerNumber!], contact.PhoneNumbers);
        Assert.Equal(contact.Id, await after.Interactions.Where(i => i.Id == unpaired.Id).Select(i => i.ContactId).SingleAsync());
    }

    [Fact]
    public async Task Creating_a_contact_for_an_anonymized_chat_changes_nothing_and_leaves_no_orphan_contact()
    {
        await using var db = demo.OpenDb();
        var chat = await db.Interactions.Include(i => i.Activities)
            .Where(i => i.Queue!.Name == "Podpora CZ" && i.ContactId == null && i.CustomerNumber != null && i.AnonymizedAt == null && i.Activities.Any())
            .OrderBy(i => i.Time).FirstAsync();
        var activity = chat.Activities.First().Name;
        var client = await SignedInAsync("supervisor");
        var anonymized = await client.PostFormAsync(Page(chat.Name), "/listing/activities/anonymize", new() { ["name"] = chat.Name });
        Assert.Equal(HttpStatusCode.Redirect, anonymized.StatusCode);

        var response = await client.PostFormAsync(Page(activity), "/listing/activities/create-contact", new()
        {
            ["activity"] = activity,
            ["name"] = "Osiřelý Kontakt",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("done=unchanged", response.Headers.Location!.OriginalString);
        await using var after = demo.OpenDb();
        Assert.False(await after.Contacts.AnyAsync(c => c.Name == "Osiřelý Kontakt"));
        Assert.Null(await after.Interactions.Where(i => i.Id == chat.Id).Select(i => i.ContactId).SingleAsync());
    }

    [Fact]
    public async Task The_pairing_panel_finds_contacts_accent_insensitively()
    {
        await using var db = demo.OpenDb();
        var activity = (await DetailSupport.FindAsync(db, i => i.Activities.Any())).Activities.First().Name;
        var client = await SignedInAsync("supervisor");
        var html = await client.GetStringAsync(Page(activity) + "&pair=1&q=dvorak");
        Assert.Contains("Karel Dvořák", html);
        Assert.Contains("data-testid=\"contact-result\"", html);
    }

    [Fact]
    public async Task An_activity_merges_into_an_existing_or_a_new_ticket()
    {
        await using var db = demo.OpenDb();
        var interaction = await DetailSupport.FindAsync(db, i => i.Activities.Count >= 2 && i.Activities.All(a => a.TicketId == null));
        var (first, second) = (interaction.Activities.OrderBy(a => a.Id).First().Name, interaction.Activities.OrderBy(a => a.Id).Last().Name);
        var existing = await db.Tickets.OrderBy(t => t.Id).FirstAsync();
        var client = await SignedInAsync("supervisor");

        await client.PostFormAsync(Page(first), "/listing/activities/ticket", new() { ["activity"] = first, ["ticketId"] = existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await client.PostFormAsync(Page(second), "/listing/activities/ticket", new() { ["activity"] = second, ["title"] = "Reklamace — nový tiket" });

        await using var after = demo.OpenDb();
        Assert.Equal(existing.Id, await after.Activities.Where(a => a.Name == first).Select(a => a.TicketId).SingleAsync());
        var created = await after.Activities.Where(a => a.Name == second).Select(a => a.Ticket).SingleAsync();
        Assert.Equal("Reklamace — nový tiket", created!.Title);
        Assert.True(created.Number > existing.Number);
    }

    [Fact]
    public async Task A_qa_review_records_score_comment_reviewer_and_time_and_rejects_bad_scores()
    {
        await using var db = demo.OpenDb();
        var activity = (await DetailSupport.FindAsync(db, i => i.Activities.Any(a => a.UserId != null && !a.QaReviews.Any()))).Activities.First(a => a.UserId != null).Name;
        var client = await SignedInAsync("supervisor");

        var bad = await client.PostFormAsync(Page(activity), "/listing/activities/qa", new() { ["activity"] = activity, ["score"] = "101", ["comment"] = "x" });
        Assert.Contains("done=invalid", bad.Headers.Location!.ToString());
        var good = await client.PostFormAsync(Page(activity), "/listing/activities/qa", new() { ["activity"] = activity, ["score"] = "87", ["comment"] = "Pěkně vyřešeno" });
        Assert.Contains("done=reviewed", good.Headers.Location!.ToString());

        await using var after = demo.OpenDb();
        var review = await after.QaReviews.Include(r => r.Reviewer).SingleAsync(r => after.Activities.Any(a => a.Id == r.ActivityId && a.Name == activity));
        Assert.Equal(87, review.Score);
        Assert.Equal("Pěkně vyřešeno", review.Comment);
        Assert.Equal("supervisor", review.Reviewer!.UserName);
        Assert.Equal(TestClock.DemoNow, review.Time);
    }
}
