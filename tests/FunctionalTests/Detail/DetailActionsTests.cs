using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Listing;
using static WapListing.FunctionalTests.Detail.DetailSupport;

namespace WapListing.FunctionalTests.Detail;

/// <summary>Each action of the detail: its effect in the database, and who may do it (DESIGN §4), on chats made for each test.</summary>
public sealed class DetailActionsTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private TestData Data => demo.Data;

    private async Task<HttpClient> SignedInAsync(User user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!);
        return client;
    }

    /// <summary>A chat the customer wrote in and nobody answered, still shown among the missed ones.</summary>
    private Task<Interaction> MissedChatAsync(Queue queue) =>
        Data.AddInteractionAsync(queue, ChatTime, i =>
        {
            i.CustomerNumber = "+420603111222";
            i.WhatsAppContact = "Zmeškaný Zákazník";
            i.Answered = false;
            i.TalkTime = 0;
            i.MissedState = MissedState.Shown;
            i.MissedTime = ChatTime.AddMinutes(5);
        });

    /// <summary>Starts a new activity from the chat and returns the draft it made (with its activities).</summary>
    private async Task<(HttpResponseMessage Response, Interaction Draft)> StartDraftAsync(HttpClient client, Interaction source)
    {
        var response = await client.PostFormAsync(Page(source.Name), "/listing/activities/start", new() { ["name"] = source.Name });
        await using var after = demo.OpenDb();
        var draft = await after.Interactions.Include(i => i.Activities).Include(i => i.Participants).Include(i => i.ProcessingEvents)
            .SingleAsync(i => i.Direction == InteractionDirection.Out && i.ProcessingEvents.Any(e => e.Detail == source.Name));
        return (response, draft);
    }

    [Fact]
    public async Task Starting_a_new_activity_makes_a_draft_that_claims_nothing_the_missed_chat_stays_missed_and_the_totals_leave_it_out()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var missed = await MissedChatAsync(queue);
        var client = await SignedInAsync(supervisor);
        var totalsBefore = ListingPages.TotalCount(await client.GetStringAsync($"/listing/wap?queue={queue.Id}"));

        var (response, created) = await StartDraftAsync(client, missed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        var source = await after.Interactions.Include(i => i.ProcessingEvents).SingleAsync(i => i.Id == missed.Id);
        Assert.Equal((MissedState.Shown, (long?)null), (source.MissedState, source.ContactedBackById));
        Assert.Empty(source.ProcessingEvents);
        Assert.True(created.IsDraft);
        Assert.Equal(InteractionDirection.Out, created.Direction);
        Assert.Equal(missed.CustomerNumber, created.CustomerNumber);
        Assert.Equal(queue.ConnectorId, created.ConnectorId);
        Assert.Equal(supervisor.Id, created.UserId);
        Assert.Equal(TestClock.DemoNow, created.Time);
        Assert.Equal(0, await after.Messages.CountAsync(m => m.InteractionId == created.Id));
        var activity = Assert.Single(created.Activities);
        Assert.Equal((ActivityStatus.Open, (int?)supervisor.Id), (activity.Status, activity.UserId));
        var started = Assert.Single(created.ProcessingEvents);
        Assert.Equal((ProcessingEventKind.DraftStarted, missed.Name), (started.Kind, started.Detail));
        Assert.Equal(Page(activity.Name) + "&done=started", response.Headers.Location!.OriginalString); // the Wap tab, where the draft is marked and closed or discarded

        var detail = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Byl založen koncept nové aktivity. Zákazníkovi zatím nic odesláno nebylo.", detail);
        Assert.Contains("data-testid=\"draft\">Koncept</span>", detail);
        Assert.Contains("data-testid=\"close-draft\"", detail);
        Assert.Contains("data-testid=\"discard-draft\"", detail);
        var sourceDetail = await client.GetStringAsync(Page(missed.Name));
        Assert.DoesNotContain("data-testid=\"draft\"", sourceDetail);
        Assert.DoesNotContain("data-testid=\"close-draft\"", sourceDetail);

        // The draft is a row of the listing, marked as such, but not counted: the totals are those of before.
        var listing = await client.GetStringAsync($"/listing/wap?queue={queue.Id}");
        Assert.Equal([created.Name, missed.Name], ListingPages.RowNames(listing));
        Assert.Contains("data-testid=\"draft\">Koncept</span>", listing);
        Assert.Equal("1", totalsBefore);
        Assert.Equal(totalsBefore, ListingPages.TotalCount(listing));
        var csv = await client.GetByteArrayAsync($"/listing/wap/export/download?queue={queue.Id}&format=csv&column=Name&column=Answered"); // listing order: Answered, Name
        Assert.Equal([["Koncept", created.Name], ["Ne", missed.Name]], CsvReadBack.Read(csv, ';').Rows);
    }

    [Fact]
    public async Task Closing_a_draft_closes_its_activity_and_keeps_it_as_an_uncounted_draft()
    {
        var (_, queue) = await Data.SupervisorWithQueueAsync();
        var missed = await MissedChatAsync(queue);
        var agent = await Data.UserSeeingAsync(UserRole.Agent, queue);
        var client = await SignedInAsync(agent);
        var (_, draft) = await StartDraftAsync(client, missed);

        var response = await client.PostFormAsync(Page(draft.Name), "/listing/activities/close-draft", new() { ["name"] = draft.Name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("done=draftclosed", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var after = demo.OpenDb();
        var closed = await after.Interactions.Include(i => i.Activities).Include(i => i.ProcessingEvents).SingleAsync(i => i.Id == draft.Id);
        Assert.True(closed.IsDraft);
        var activity = Assert.Single(closed.Activities);
        Assert.Equal(ActivityStatus.Close, activity.Status);
        Assert.NotNull(activity.ClosedAt);
        Assert.Equal(activity.ClosedAt, closed.ClosedTime);
        Assert.Contains(closed.ProcessingEvents, e => e.Kind == ProcessingEventKind.DraftClosed && e.UserId == agent.Id);
        Assert.Equal(MissedState.Shown, await after.Interactions.Where(i => i.Id == missed.Id).Select(i => i.MissedState).SingleAsync());

        var detail = await client.GetStringAsync(Page(draft.Name) + "&done=draftclosed");
        Assert.Contains("Koncept byl uzavřen.", detail);
        Assert.DoesNotContain("data-testid=\"close-draft\"", detail);
        var again = await client.PostFormAsync(Page(draft.Name), "/listing/activities/close-draft", new() { ["name"] = draft.Name });
        Assert.EndsWith("done=unchanged", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var listing = await client.GetStringAsync($"/listing/wap?queue={queue.Id}");
        Assert.Contains(draft.Name, ListingPages.RowNames(listing));
        Assert.Equal("1", ListingPages.TotalCount(listing));
    }

    [Fact]
    public async Task Discarding_a_draft_deletes_it_with_its_activity_events_and_participants_and_goes_back_to_the_chat_it_came_from()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var missed = await MissedChatAsync(queue);
        var client = await SignedInAsync(supervisor);
        var (_, draft) = await StartDraftAsync(client, missed);

        var response = await client.PostFormAsync(Page(draft.Name), "/listing/activities/discard-draft", new() { ["name"] = draft.Name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page(missed.Name) + "&done=discarded", response.Headers.Location!.OriginalString);
        Assert.Contains("Koncept byl zahozen.", await client.GetStringAsync(response.Headers.Location!.OriginalString));
        await using var after = demo.OpenDb();
        Assert.False(await after.Interactions.AnyAsync(i => i.Id == draft.Id));
        Assert.Equal(0, await after.Activities.CountAsync(a => a.InteractionId == draft.Id));
        Assert.Equal(0, await after.ProcessingEvents.CountAsync(e => e.InteractionId == draft.Id));
        Assert.Equal(0, await after.InteractionParticipants.CountAsync(p => p.InteractionId == draft.Id));
        Assert.Equal(MissedState.Shown, await after.Interactions.Where(i => i.Id == missed.Id).Select(i => i.MissedState).SingleAsync());
    }

    [Fact]
    public async Task A_chat_that_is_no_draft_cannot_be_closed_or_discarded_as_one()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await MissedChatAsync(queue);
        await Data.AddActivityAsync(chat, supervisor, ChatTime.AddMinutes(1), a => a.ClosedAt = null);
        var client = await SignedInAsync(supervisor);
        var detail = await client.GetStringAsync(Page(chat.Name));
        Assert.DoesNotContain("data-testid=\"close-draft\"", detail);
        Assert.DoesNotContain("data-testid=\"discard-draft\"", detail);

        foreach (var action in new[] { "/listing/activities/close-draft", "/listing/activities/discard-draft" })
        {
            var response = await client.PostFormAsync(Page(chat.Name), action, new() { ["name"] = chat.Name });
            Assert.EndsWith("done=unchanged", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        await using var after = demo.OpenDb();
        Assert.Equal(ActivityStatus.Open, await after.Activities.Where(a => a.InteractionId == chat.Id).Select(a => a.Status).SingleAsync());
    }

    [Fact]
    public async Task A_supervisor_removes_a_missed_chat_from_the_missed_list()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var missed = await MissedChatAsync(queue);
        var client = await SignedInAsync(supervisor);

        var response = await client.PostFormAsync(Page(missed.Name), "/listing/activities/remove-missed", new() { ["name"] = missed.Name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        Assert.Equal(MissedState.Removed, await after.Interactions.Where(i => i.Id == missed.Id).Select(i => i.MissedState).SingleAsync());
        var removed = Assert.Single(await after.ProcessingEvents.Where(e => e.InteractionId == missed.Id).ToListAsync());
        Assert.Equal((ProcessingEventKind.RemovedFromMissed, (int?)supervisor.Id), (removed.Kind, removed.UserId));
    }

    [Theory]
    [InlineData(UserRole.Agent, "/listing/activities/remove-missed")]
    [InlineData(UserRole.Manager, "/listing/activities/remove-missed")]
    [InlineData(UserRole.Manager, "/listing/activities/start")]
    [InlineData(UserRole.Manager, "/listing/activities/close-draft")]
    [InlineData(UserRole.Manager, "/listing/activities/discard-draft")]
    [InlineData(UserRole.Manager, "/listing/activities/pair")]
    [InlineData(UserRole.Manager, "/listing/activities/ticket")]
    [InlineData(UserRole.Manager, "/listing/activities/qa")]
    [InlineData(UserRole.Agent, "/listing/activities/qa")]
    [InlineData(UserRole.Agent, "/listing/activities/anonymize")]
    [InlineData(UserRole.Manager, "/listing/activities/anonymize")]
    public async Task Roles_without_the_access_get_403_from_the_server(UserRole role, string action)
    {
        var (_, queue) = await Data.SupervisorWithQueueAsync();
        var target = await MissedChatAsync(queue);
        var activity = await Data.AddActivityAsync(target, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var contact = await Data.AddContactAsync("Kontakt Neměnný");
        var client = await SignedInAsync(await Data.UserSeeingAsync(role, queue)); // sees the chat; only the role is missing

        var response = await client.PostFormAsync(Page(target.Name), action, new()
        {
            ["name"] = target.Name,
            ["activity"] = activity.Name,
            ["contactId"] = contact.Id.ToString(CultureInfo.InvariantCulture),
            ["title"] = "x",
            ["score"] = "50",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var after = demo.OpenDb();
        var unchanged = await after.Interactions.Where(i => i.Id == target.Id)
            .Select(i => new { i.MissedState, i.ContactId, i.AnonymizedAt, Interactions = after.Interactions.Count(o => o.ContactedBackById == i.Id) })
            .SingleAsync();
        Assert.Equal(new { MissedState = MissedState.Shown, ContactId = (int?)null, AnonymizedAt = (DateTimeOffset?)null, Interactions = 0 }, unchanged);
        var activityAfter = await after.Activities.Include(a => a.QaReviews).SingleAsync(a => a.Id == activity.Id);
        Assert.Null(activityAfter.ContactId);
        Assert.Null(activityAfter.TicketId);
        Assert.Empty(activityAfter.QaReviews);
    }

    [Fact]
    public async Task An_agent_cannot_even_open_the_anonymize_confirmation()
    {
        var (_, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var client = await SignedInAsync(await Data.UserSeeingAsync(UserRole.Agent, queue));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Page(chat.Name))).StatusCode);

        var response = await client.GetAsync($"/listing/activities/anonymize?name={chat.Name}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Pairing_sets_the_contact_of_the_interaction_and_of_its_activities_without_one()
    {
        var (_, queue) = await Data.SupervisorWithQueueAsync();
        var agent = await Data.UserSeeingAsync(UserRole.Agent, queue);
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var first = await Data.AddActivityAsync(chat, agent, ChatTime.AddMinutes(1));
        var second = await Data.AddActivityAsync(chat, agent, ChatTime.AddMinutes(8));
        var contact = await Data.AddContactAsync("Alois Párovaný", "+420606000111");
        var client = await SignedInAsync(agent);

        var response = await client.PostFormAsync(Page(second.Name), "/listing/activities/pair", new() { ["activity"] = second.Name, ["contactId"] = contact.Id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        Assert.Equal(contact.Id, await after.Interactions.Where(i => i.Id == chat.Id).Select(i => i.ContactId).SingleAsync());
        var activities = await after.Activities.Where(a => a.InteractionId == chat.Id).OrderBy(a => a.CreatedAt).Select(a => new { a.Name, a.ContactId }).ToListAsync();
        Assert.Equal([(first.Name, (int?)contact.Id), (second.Name, contact.Id)], activities.Select(a => (a.Name, a.ContactId)));
    }

    [Fact]
    public async Task Creating_a_contact_prefilled_from_whatsapp_pairs_it()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime, i =>
        {
            i.CustomerNumber = "+420604333444";
            i.WhatsAppContact = "Zdenka";
        });
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = await SignedInAsync(supervisor);
        var panel = WebUtility.HtmlDecode(await client.GetStringAsync(Page(activity.Name) + "&panel=pair"));
        Assert.Contains("id=\"new-name\" name=\"name\" class=\"form-control form-control-sm\" value=\"Zdenka\"", panel);
        Assert.Contains("id=\"new-phone\" name=\"phone\" class=\"form-control form-control-sm\" value=\"+420604333444\"", panel);

        var response = await client.PostFormAsync(Page(activity.Name), "/listing/activities/create-contact", new()
        {
            ["activity"] = activity.Name,
            ["name"] = "Zdeňka Nováčková",
            ["phone"] = "+420604333444",
            ["email"] = "zdenka@example.com",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var after = demo.OpenDb();
        var contact = await after.Contacts.SingleAsync(c => c.Name == "Zdeňka Nováčková");
        Assert.Equal(["+420604333444"], contact.PhoneNumbers);
        Assert.Equal("zdenka@example.com", contact.Email);
        Assert.Equal(contact.Id, await after.Interactions.Where(i => i.Id == chat.Id).Select(i => i.ContactId).SingleAsync());
    }

    [Fact]
    public async Task Creating_a_contact_for_an_anonymized_chat_changes_nothing_and_leaves_no_orphan_contact()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime, i => i.CustomerNumber = "+420607555666");
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = await SignedInAsync(supervisor);
        var anonymized = await client.PostFormAsync(Page(chat.Name), "/listing/activities/anonymize", new() { ["name"] = chat.Name });
        Assert.Equal(HttpStatusCode.Redirect, anonymized.StatusCode);

        var response = await client.PostFormAsync(Page(activity.Name), "/listing/activities/create-contact", new()
        {
            ["activity"] = activity.Name,
            ["name"] = "Osiřelý Kontakt",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("done=unchanged", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var after = demo.OpenDb();
        Assert.False(await after.Contacts.AnyAsync(c => c.Name == "Osiřelý Kontakt"));
        Assert.Null(await after.Interactions.Where(i => i.Id == chat.Id).Select(i => i.ContactId).SingleAsync());
    }

    [Fact]
    public async Task The_pairing_panel_finds_contacts_accent_insensitively()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        await Data.AddContactAsync("Radomír Dvořáček", "+420608777999");
        var client = await SignedInAsync(supervisor);

        var html = await client.GetStringAsync(Page(activity.Name) + "&pair=1&q=RADOMIR%20dvoracek");

        Assert.Equal(["Radomír Dvořáček"], ContactResults(html));
    }

    [Fact]
    public async Task An_activity_merges_into_an_existing_or_a_new_ticket()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var first = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var second = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(9));
        var existing = await Data.AddTicketAsync("Reklamace — stávající tiket");
        var client = await SignedInAsync(supervisor);

        var merged = await client.PostFormAsync(Page(first.Name), "/listing/activities/ticket", new() { ["activity"] = first.Name, ["ticketId"] = existing.Id.ToString(CultureInfo.InvariantCulture) });
        var createdAndMerged = await client.PostFormAsync(Page(second.Name), "/listing/activities/ticket", new() { ["activity"] = second.Name, ["title"] = "Reklamace — nový tiket" });

        Assert.EndsWith("done=merged", merged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.EndsWith("done=merged", createdAndMerged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var after = demo.OpenDb();
        Assert.Equal(existing.Id, await after.Activities.Where(a => a.Id == first.Id).Select(a => a.TicketId).SingleAsync());
        var created = await after.Activities.Where(a => a.Id == second.Id).Select(a => a.Ticket).SingleAsync();
        Assert.NotNull(created);
        Assert.Equal("Reklamace — nový tiket", created.Title);
        Assert.True(created.Number > existing.Number, $"new ticket #{created.Number}, existing #{existing.Number}");
    }

    [Fact]
    public async Task A_qa_review_records_score_comment_reviewer_and_time_and_rejects_bad_scores()
    {
        var (supervisor, queue) = await Data.SupervisorWithQueueAsync();
        var chat = await Data.AddInteractionAsync(queue, ChatTime);
        var activity = await Data.AddActivityAsync(chat, await Data.AddUserAsync(UserRole.Agent), ChatTime.AddMinutes(1));
        var client = await SignedInAsync(supervisor);

        var bad = await client.PostFormAsync(Page(activity.Name), "/listing/activities/qa", new() { ["activity"] = activity.Name, ["score"] = "101", ["comment"] = "x" });
        Assert.EndsWith("done=invalid", bad.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var good = await client.PostFormAsync(Page(activity.Name), "/listing/activities/qa", new() { ["activity"] = activity.Name, ["score"] = "87", ["comment"] = "Pěkně vyřešeno" });
        Assert.EndsWith("done=reviewed", good.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var after = demo.OpenDb();
        var review = Assert.Single(await after.QaReviews.Where(r => r.ActivityId == activity.Id).ToListAsync());
        Assert.Equal(87, review.Score);
        Assert.Equal("Pěkně vyřešeno", review.Comment);
        Assert.Equal(supervisor.Id, review.ReviewerId);
        Assert.Equal(TestClock.DemoNow, review.Time);
    }
}
