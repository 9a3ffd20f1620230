using System.Net;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Domain.Figures;
using WapListing.FunctionalTests.Detail;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Web.Features.Sending;

namespace WapListing.FunctionalTests.Sending;

/// <summary>
/// The WhatsApp icon writes to the customer for real (DESIGN §6, §9 A): the composer on the new activity sends through the
/// Graph stand-in, the transcript and the missed chat follow only what WhatsApp accepted, and nothing is ever lost or
/// sent twice.
/// </summary>
public sealed class SendingFromTheDetailTests(SendingAppFixture app) : IClassFixture<SendingAppFixture>
{
    private const string Hostile = "Dobrý den, <script>alert('x')</script> ozveme se & zavoláme.";

    [Fact]
    public async Task Free_text_inside_the_window_goes_out_and_only_then_the_missed_chat_becomes_contacted_back()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(2));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);

        var page = await client.GetStringAsync(DetailSupport.Page(draft));
        Assert.Contains("data-testid=\"composer\"", page);
        Assert.Contains("data-testid=\"window-open\"", page);
        Assert.Contains("zbývá 22 h 0 min", page);
        Assert.Equal(MissedState.Shown, (await app.InteractionAsync(missed.Id)).MissedState);

        var preview = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = Hostile }, preview: true);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"composer-preview\"", previewPage);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", previewPage);
        Assert.DoesNotContain("<script>alert", previewPage);
        Assert.Empty(app.SentTo(number));

        var response = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = Hostile });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("done=sent", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var sent = Assert.Single(app.SentTo(number));
        Assert.Equal(Hostile, (string?)sent.Body["text"]!["body"]);
        var chat = await app.InteractionOfActivityAsync(draft);
        var send = Assert.Single(await app.SendsAsync(chat.Id));
        Assert.Equal(SendWhatsAppMessage.CallbackData(send.ClientKey), (string?)sent.Body["biz_opaque_callback_data"]);
        Assert.Equal(OutboundSendState.Accepted, send.State);
        Assert.Equal(sent.WhatsAppMessageId, send.WhatsAppMessageId);

        Assert.False(chat.IsDraft);
        Assert.Equal(InteractionDirection.Out, chat.Direction);
        var message = Assert.Single(await app.OutboundMessagesAsync(chat.Id));
        Assert.Equal(sent.WhatsAppMessageId, message.WhatsAppMessageId);
        Assert.Equal(DeliveryStatus.Sent, message.DeliveryStatus);
        Assert.Equal(Hostile, message.Text);
        Assert.Equal(supervisor.Id, message.AuthorUserId);

        var source = await app.InteractionAsync(missed.Id);
        Assert.Equal(MissedState.ContactedBack, source.MissedState);
        Assert.Equal(chat.Id, source.ContactedBackById);

        await using (var db = app.OpenDb())
        {
            var events = await db.InteractionEvents.AsNoTracking().Where(e => e.InteractionId == chat.Id).Select(e => e.Type).ToListAsync();
            Assert.Equal([FigureEventType.CreatedOutbound, FigureEventType.AgentMessage], events.Order());
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "message.sent" && a.UserId == supervisor.Id);
            using var detail = System.Text.Json.JsonDocument.Parse(audit.Detail!);
            Assert.Equal(chat.Id, detail.RootElement.GetProperty("interactionId").GetInt64());
            Assert.Equal(send.Id, detail.RootElement.GetProperty("sendId").GetInt64());
            Assert.DoesNotContain("ozveme", audit.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(number[1..], audit.Detail, StringComparison.Ordinal);
        }

        var after = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Dobrý den, &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; ozveme se &amp; zavoláme.", after);
        Assert.Contains("<span data-testid=\"delivery\"> · odesláno</span>", after);
        Assert.Contains("Zpráva byla předána WhatsAppu.", after);
    }

    [Fact]
    public async Task Outside_the_window_free_text_is_refused_and_only_a_template_is_offered()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(30));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);

        var page = await client.GetStringAsync(DetailSupport.Page(draft));
        Assert.Contains("data-testid=\"window-closed\"", page);
        Assert.DoesNotContain("data-testid=\"composer-text\"", page);

        var response = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Jen text, prosím." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("WhatsApp teď dovolí jen schválenou šablonu", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.SentTo(number));
        Assert.Empty(await app.SendsAsync((await app.InteractionOfActivityAsync(draft)).Id));
        Assert.Equal(MissedState.Shown, (await app.InteractionAsync(missed.Id)).MissedState);
    }

    [Fact]
    public async Task A_template_with_parameters_goes_out_outside_the_window_and_the_transcript_shows_what_the_customer_reads()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromDays(3));
        var template = await AddTemplateAsync("Dobrý den {{1}}, k vaší objednávce {{2}} máme novinky.");
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        Dictionary<string, string> fields = new()
        {
            ["Mode"] = "Template",
            ["TemplateId"] = template.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Parameters[0]"] = "paní <i>Nová</i>",
            ["Parameters[1]"] = "č. 1234",
        };

        var preview = await SendingAppFixture.PostComposerAsync(client, draft, fields, preview: true);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Dobrý den paní &lt;i&gt;Nová&lt;/i&gt;, k vaší objednávce č. 1234 máme novinky.", await preview.Content.ReadAsStringAsync());

        var response = await SendingAppFixture.PostComposerAsync(client, draft, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var body = Assert.Single(app.SentTo(number)).Body;
        Assert.Equal("template", (string?)body["type"]);
        Assert.Equal(template.Name, (string?)body["template"]!["name"]);
        Assert.Equal("cs", (string?)body["template"]!["language"]!["code"]);
        Assert.Equal(["paní <i>Nová</i>", "č. 1234"], body["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => (string)p!["text"]!));
        var chat = await app.InteractionOfActivityAsync(draft);
        Assert.Equal("Dobrý den paní <i>Nová</i>, k vaší objednávce č. 1234 máme novinky.", Assert.Single(await app.OutboundMessagesAsync(chat.Id)).Text);
        var send = Assert.Single(await app.SendsAsync(chat.Id));
        Assert.Equal((OutboundSendKind.Template, template.Name, "cs"), (send.Kind, send.TemplateName, send.TemplateLanguage));
        Assert.Equal(["paní <i>Nová</i>", "č. 1234"], send.TemplateParameters);
        Assert.Equal(MissedState.ContactedBack, (await app.InteractionAsync(missed.Id)).MissedState);
    }

    [Theory]
    [InlineData("řádek\ndruhý")]
    [InlineData("tab\there")]
    [InlineData("pět     mezer")]
    [InlineData("   ")]
    public async Task A_template_parameter_WhatsApp_would_refuse_is_refused_next_to_its_field(string value)
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromDays(2));
        var template = await AddTemplateAsync("Dobrý den {{1}}.");
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);

        var response = await SendingAppFixture.PostComposerAsync(client, draft, new()
        {
            ["Mode"] = "Template",
            ["TemplateId"] = template.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Parameters[0]"] = value,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Parametr 1: vyplňte hodnotu bez zalomení řádku", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.SentTo(number));
    }

    [Fact]
    public async Task A_text_longer_than_WhatsApp_allows_is_refused_and_nothing_is_sent()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);

        var response = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = new string('a', OutgoingText.MaxBodyLength + 1) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("4096", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.SentTo(number));
    }

    [Theory]
    [InlineData(131047, "Re-engagement message", "cs", "Od poslední zprávy zákazníka uplynulo víc než 24 hodin")]
    [InlineData(131026, "Message undeliverable", "en", "The message cannot be delivered: the number is not on WhatsApp")]
    [InlineData(190, "Access token has expired", "cs", "WhatsApp odmítl přístupový token konektoru")]
    [InlineData(131056, "Pair rate limit hit", "en", "WhatsApp is limiting how fast this number sends")]
    public async Task A_refusal_by_WhatsApp_comes_back_with_the_typed_text_and_a_reason_people_can_act_on(int code, string title, string language, string expected)
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(3), language);
        app.Graph.FailSendsTo(number.TrimStart('+'), code, title);
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);

        var response = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Můj pečlivě napsaný text" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, page);
        Assert.Contains(">Můj pečlivě napsaný text</textarea>", page);
        var chat = await app.InteractionOfActivityAsync(draft);
        var send = Assert.Single(await app.SendsAsync(chat.Id));
        Assert.Equal((OutboundSendState.Refused, code), (send.State, send.ErrorCode));
        Assert.Empty(await app.OutboundMessagesAsync(chat.Id));
        Assert.True(chat.IsDraft);
        Assert.Equal(MissedState.Shown, (await app.InteractionAsync(missed.Id)).MissedState);
        Assert.NotEqual(send.ClientKey, SendingAppFixture.ClientKeyOf(page));

        var later = await client.GetStringAsync(DetailSupport.Page(draft));
        Assert.Contains("data-state=\"Refused\"", later);
        Assert.Contains(expected, later);
    }

    [Fact]
    public async Task A_timeout_leaves_the_send_waiting_and_its_status_webhook_confirms_it_exactly_once()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(4));
        app.Graph.DelaySendsTo(number.TrimStart('+'), TimeSpan.FromSeconds(4));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        var page = await client.GetStringAsync(DetailSupport.Page(draft));
        var key = SendingAppFixture.ClientKeyOf(page);

        var response = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Pomalá odpověď" }, clientKey: key);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("done=sendpending", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var chat = await app.InteractionOfActivityAsync(draft);
        Assert.Equal(OutboundSendState.Pending, Assert.Single(await app.SendsAsync(chat.Id)).State);
        Assert.Empty(await app.OutboundMessagesAsync(chat.Id));
        Assert.Equal(MissedState.Shown, (await app.InteractionAsync(missed.Id)).MissedState);
        Assert.Contains("data-state=\"Pending\"", await client.GetStringAsync(DetailSupport.Page(draft)));

        // The same form again (a reload, a second click) asks nobody: the message may be on its way.
        var again = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Pomalá odpověď" }, clientKey: key);
        Assert.EndsWith("done=sendpending", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var sent = Assert.Single(app.SentTo(number));

        await app.StatusAsync(sent, "sent");
        Assert.Equal((1, 0), await app.RecoverAsync(TestClock.DemoNow.AddMinutes(1)));
        Assert.Equal((0, 0), await app.RecoverAsync(TestClock.DemoNow.AddMinutes(2)));

        var message = Assert.Single(await app.OutboundMessagesAsync(chat.Id));
        Assert.Equal(sent.WhatsAppMessageId, message.WhatsAppMessageId);
        Assert.Equal("Pomalá odpověď", message.Text);
        Assert.Equal(OutboundSendState.Accepted, Assert.Single(await app.SendsAsync(chat.Id)).State);
        Assert.Equal(MissedState.ContactedBack, (await app.InteractionAsync(missed.Id)).MissedState);
        Assert.False((await app.InteractionAsync(chat.Id)).IsDraft);

        var third = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Pomalá odpověď" }, clientKey: key);
        Assert.EndsWith("done=sent", third.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(app.SentTo(number));
    }

    [Fact]
    public async Task A_crash_between_WhatsApps_acceptance_and_the_commit_loses_nothing_and_sends_nothing_twice()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(5));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        var key = SendingAppFixture.ClientKeyOf(await client.GetStringAsync(DetailSupport.Page(draft)));
        var failing = new FailingCommands();
        await using var crashing = app.App.WithFailingCommands(failing);
        var crashingClient = crashing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await crashingClient.SignInAsync(supervisor.UserName!);
        // Every write that would follow WhatsApp's acceptance fails, as if the process died right after the Graph API answered.
        failing.FailWith("whats_app_message_id = ", () => new Npgsql.NpgsqlException("The database went away."));

        var response = await SendingAppFixture.PostComposerAsync(crashingClient, draft, new() { ["Mode"] = "Text", ["Text"] = "Přežije to pád?" }, clientKey: key);

        Assert.EndsWith("done=sendpending", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var sent = Assert.Single(app.SentTo(number));
        var chat = await app.InteractionOfActivityAsync(draft);
        Assert.Equal(OutboundSendState.Pending, Assert.Single(await app.SendsAsync(chat.Id)).State);
        Assert.Empty(await app.OutboundMessagesAsync(chat.Id));

        failing.Heal();
        await app.StatusAsync(sent, "delivered");
        Assert.Equal((1, 0), await app.RecoverAsync(TestClock.DemoNow.AddMinutes(1)));

        var message = Assert.Single(await app.OutboundMessagesAsync(chat.Id));
        Assert.Equal((sent.WhatsAppMessageId, DeliveryStatus.Delivered, "Přežije to pád?"), (message.WhatsAppMessageId, message.DeliveryStatus, message.Text));
        Assert.Equal(MissedState.ContactedBack, (await app.InteractionAsync(missed.Id)).MissedState);
        var retry = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Přežije to pád?" }, clientKey: key);
        Assert.EndsWith("done=sent", retry.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Single(app.SentTo(number));
        Assert.Single(await app.OutboundMessagesAsync(chat.Id));
    }

    [Fact]
    public async Task A_send_nobody_confirms_is_shown_as_unconfirmed_and_a_late_status_still_confirms_it()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(6), "en");
        app.Graph.DelaySendsTo(number.TrimStart('+'), TimeSpan.FromSeconds(4));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Ztracená odpověď" });
        var chat = await app.InteractionOfActivityAsync(draft);

        Assert.Equal((0, 0), await app.RecoverAsync(TestClock.DemoNow.AddMinutes(9)));
        Assert.Equal((0, 1), await app.RecoverAsync(TestClock.DemoNow.AddMinutes(11)));

        Assert.Equal(OutboundSendState.Unconfirmed, Assert.Single(await app.SendsAsync(chat.Id)).State);
        Assert.Contains("not confirmed by WhatsApp: it may not have gone out", await client.GetStringAsync(DetailSupport.Page(draft)));
        Assert.Single(app.SentTo(number));

        await app.StatusAsync(Assert.Single(app.SentTo(number)), "read");
        Assert.Equal((1, 0), await app.RecoverAsync(TestClock.DemoNow.AddMinutes(30)));
        Assert.Equal(DeliveryStatus.Read, Assert.Single(await app.OutboundMessagesAsync(chat.Id)).DeliveryStatus);
    }

    [Fact]
    public async Task Status_webhooks_move_the_sent_message_forward_and_a_failure_shows_WhatsApps_error()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "První" });
        await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Druhá" });
        var chat = await app.InteractionOfActivityAsync(draft);
        var sent = app.SentTo(number);
        Assert.Equal(2, sent.Count);

        await app.StatusAsync(sent[0], "delivered");
        Assert.Equal(DeliveryStatus.Delivered, (await app.OutboundMessagesAsync(chat.Id)).Single(m => m.Text == "První").DeliveryStatus);
        await app.StatusAsync(sent[0], "read");
        await app.StatusAsync(sent[0], "delivered");
        await app.StatusAsync(sent[1], "failed", 131026, "Message undeliverable");

        var messages = await app.OutboundMessagesAsync(chat.Id);
        Assert.Equal(DeliveryStatus.Read, messages.Single(m => m.Text == "První").DeliveryStatus);
        var failed = messages.Single(m => m.Text == "Druhá");
        Assert.Equal((DeliveryStatus.Failed, 131026, "Message undeliverable"), (failed.DeliveryStatus, failed.DeliveryErrorCode, failed.DeliveryErrorTitle));
        var page = await client.GetStringAsync(DetailSupport.Page(draft));
        Assert.Contains("<span data-testid=\"delivery\"> · přečteno</span>", page);
        Assert.Contains("131026", page);
        Assert.Contains("Message undeliverable", page);
    }

    [Fact]
    public async Task Only_roles_that_may_act_within_their_rights_and_with_their_own_open_activity_can_send()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        var key = SendingAppFixture.ClientKeyOf(await client.GetStringAsync(DetailSupport.Page(draft)));
        Dictionary<string, string> text = new() { ["Mode"] = "Text", ["Text"] = "Kdo smí psát?" };

        // A manager sees the chat but may not act on chats at all.
        var manager = await app.Data.AddUserAsync(UserRole.Manager, grants: [RightsGrant.ForQueue(app.DefaultQueue.Id)]);
        var managerClient = await app.SignedInAsync(manager);
        var managerPage = await managerClient.GetStringAsync(DetailSupport.Page(draft));
        Assert.DoesNotContain("data-testid=\"composer\"", managerPage);
        var asManager = await managerClient.PostAsync("/listing/activities/send", new FormUrlEncodedContent(new Dictionary<string, string>(text)
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(managerPage),
            ["Name"] = draft,
            ["ClientKey"] = key.ToString(),
        }));
        Assert.Equal(HttpStatusCode.Forbidden, asManager.StatusCode);

        // A supervisor of another queue does not see it: the same 404 as an unknown chat.
        var stranger = await app.Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue((await app.Data.AddQueueAsync()).Id)]);
        var strangerClient = await app.SignedInAsync(stranger);
        var home = await strangerClient.GetStringAsync("/listing/wap");
        var asStranger = await strangerClient.PostAsync("/listing/activities/send", new FormUrlEncodedContent(new Dictionary<string, string>(text)
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(home),
            ["Name"] = draft,
            ["ClientKey"] = key.ToString(),
        }));
        Assert.Equal(HttpStatusCode.NotFound, asStranger.StatusCode);

        // A colleague who sees the chat but has no activity of their own in it gets no composer and sends nothing.
        var colleague = await app.Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue(app.DefaultQueue.Id)]);
        var colleagueClient = await app.SignedInAsync(colleague);
        Assert.DoesNotContain("data-testid=\"composer\"", await colleagueClient.GetStringAsync(DetailSupport.Page(draft)));
        var asColleague = await SendingAppFixture.PostComposerAsync(colleagueClient, draft, text, clientKey: Guid.NewGuid());
        Assert.EndsWith("done=sendnotapplicable", asColleague.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Without the antiforgery token nothing is accepted.
        var forged = await client.PostAsync("/listing/activities/send", new FormUrlEncodedContent(new Dictionary<string, string>(text) { ["Name"] = draft, ["ClientKey"] = key.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Empty(app.SentTo(number));
        Assert.Empty(await app.SendsAsync((await app.InteractionOfActivityAsync(draft)).Id));
    }

    [Fact]
    public async Task Past_the_per_user_limit_the_form_comes_back_with_the_text_and_nothing_is_sent()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        for (var n = 0; n < SendingAppFixture.MessagesPerMinute; n++)
        {
            var ok = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = $"Zpráva {n}" });
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var limited = await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Jedna navíc" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Za poslední minutu jste odeslali příliš mnoho zpráv", page);
        Assert.Contains(">Jedna navíc</textarea>", page);
        Assert.Equal(SendingAppFixture.MessagesPerMinute, app.SentTo(number).Count);

        // Another user is not held back by this one's sending.
        var (other, otherMissed, otherNumber) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var otherClient = await app.SignedInAsync(other);
        var otherDraft = await SendingAppFixture.StartNewActivityAsync(otherClient, otherMissed);
        var otherResponse = await SendingAppFixture.PostComposerAsync(otherClient, otherDraft, new() { ["Mode"] = "Text", ["Text"] = "Já můžu" });
        Assert.Equal(HttpStatusCode.Redirect, otherResponse.StatusCode);
        Assert.Single(app.SentTo(otherNumber));
    }

    [Fact]
    public async Task One_form_sent_twice_at_once_reaches_the_customer_once()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        var page = await client.GetStringAsync(DetailSupport.Page(draft));
        var key = SendingAppFixture.ClientKeyOf(page);
        Dictionary<string, string> form = new()
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(page),
            ["Name"] = draft,
            ["ClientKey"] = key.ToString(),
            ["Mode"] = "Text",
            ["Text"] = "Dvojklik",
        };

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync("/listing/activities/send", new FormUrlEncodedContent(form))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(app.SentTo(number));
        Assert.Single(await app.OutboundMessagesAsync((await app.InteractionOfActivityAsync(draft)).Id));
    }

    [Fact]
    public async Task Closing_my_activity_after_writing_ends_the_chat_through_its_events()
    {
        var (supervisor, missed, _) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Hotovo, zavírám." });
        var page = await client.GetStringAsync(DetailSupport.Page(draft));
        Assert.Contains("data-testid=\"close-activity\"", page);
        Assert.DoesNotContain("data-testid=\"close-draft\"", page);

        var response = await client.PostFormAsync(DetailSupport.Page(draft), "/listing/activities/close-activity", new() { ["name"] = draft });

        Assert.EndsWith("done=activityclosed", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var chat = await app.InteractionOfActivityAsync(draft);
        var activity = Assert.Single(chat.Activities);
        Assert.Equal(ActivityStatus.Close, activity.Status);
        Assert.NotNull(activity.ClosedAt);
        Assert.NotNull(chat.ClosedTime);
        Assert.Equal(EndedBy.Agent, chat.EndedBy);
        var closed = await client.GetStringAsync(DetailSupport.Page(draft));
        Assert.DoesNotContain("data-testid=\"composer\"", closed);
        Assert.DoesNotContain("data-testid=\"close-activity\"", closed);
    }

    [Fact]
    public async Task Anonymizing_a_chat_written_from_the_app_leaves_none_of_the_sent_texts()
    {
        var (supervisor, missed, number) = await app.MissedChatAsync(TimeSpan.FromHours(1));
        var admin = await app.Data.AddUserAsync(UserRole.Administrator, allQueues: true, allUsers: true);
        var client = await app.SignedInAsync(supervisor);
        var draft = await SendingAppFixture.StartNewActivityAsync(client, missed);
        app.Graph.FailSendsTo(number.TrimStart('+'), 131026, "Message undeliverable");
        await SendingAppFixture.PostComposerAsync(client, draft, new() { ["Mode"] = "Text", ["Text"] = "Tajná adresa Kolářova 15" });
        var chat = await app.InteractionOfActivityAsync(draft);

        var adminClient = await app.SignedInAsync(admin);
        var response = await adminClient.PostFormAsync(DetailSupport.Page(draft), "/listing/activities/anonymize", new() { ["name"] = chat.Name });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var send = Assert.Single(await app.SendsAsync(chat.Id));
        Assert.Null(send.Text);
        Assert.Null(send.ErrorTitle);
        var anonymized = await app.InteractionAsync(chat.Id);
        Assert.Null(anonymized.CustomerKey);
        Assert.Null(anonymized.CustomerNumber);
    }

    private async Task<WhatsAppTemplate> AddTemplateAsync(string body)
    {
        await using var db = app.OpenDb();
        var template = new WhatsAppTemplate
        {
            ConnectorId = app.Connector.Id,
            Name = "followup_" + TestData.Suffix(),
            Language = "cs",
            Category = "UTILITY",
            Body = body,
            ParameterCount = WapListing.Domain.Sending.TemplateBody.ParameterCount(body),
            FetchedAt = TestClock.DemoNow,
        };
        db.WhatsAppTemplates.Add(template);
        await db.SaveChangesAsync();
        return template;
    }
}
