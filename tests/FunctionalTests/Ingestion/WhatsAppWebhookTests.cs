using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WapListing.Domain.Entities;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>The WhatsApp Cloud API webhook of DESIGN §9 A, over real HTTP into PostgreSQL.</summary>
public sealed class WhatsAppWebhookTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    [Fact]
    public async Task The_handshake_echoes_the_challenge_only_for_a_connectors_verify_token()
    {
        var right = await app.Http.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={WebhookAppFixture.VerifyToken}&hub.challenge=1158201444");
        var wrong = await app.Http.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");
        var noMode = await app.Http.GetAsync($"/webhooks/whatsapp?hub.verify_token={WebhookAppFixture.VerifyToken}&hub.challenge=1");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("text/plain", right.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.DoesNotContain("1158201444", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, noMode.StatusCode);
    }

    [Fact]
    public async Task A_body_without_the_right_signature_is_refused_and_nothing_is_stored()
    {
        var body = Unique(WebhookAppFixture.Fixture("text"));
        var changedByOneByte = (byte[])body.Clone();
        changedByOneByte[^5] ^= 1;
        var reserialised = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(body)));
        var signatureOfOriginal = WapListing.Infrastructure.WhatsApp.WebhookSignature.Sign(body, WebhookAppFixture.AppSecret);
        var before = await InboxCountAsync();

        HttpResponseMessage[] refused =
        [
            await app.PostWebhookAsync(body, secret: null),
            await app.PostWebhookAsync(body, secret: "not-the-app-secret"),
            await app.PostWebhookAsync(changedByOneByte, signature: signatureOfOriginal),
            await app.PostWebhookAsync(reserialised, signature: signatureOfOriginal),
            await app.PostWebhookAsync(body, signature: "sha256=" + new string('0', 64)),
        ];

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.All(refused, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(before, await InboxCountAsync());
        var accepted = await app.PostWebhookAsync(body);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(before + 1, await InboxCountAsync());
    }

    [Fact]
    public async Task Accepted_deliveries_are_left_out_of_the_request_log_and_refused_ones_are_logged()
    {
        var logs = new WapListing.FunctionalTests.Manage.Connectors.CapturedLogs();
        await using var logged = app.App.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var meta = logged.CreateClient();
        var body = Unique(WebhookAppFixture.Fixture("text"));

        Assert.Equal(HttpStatusCode.OK, (await Send(meta, body, WebhookAppFixture.AppSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(meta, body, "not-the-app-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await meta.GetAsync("/health/live")).StatusCode);

        var requestLog = logs.Lines.Where(l => l.Contains("HttpLogging", StringComparison.Ordinal)).ToList();
        Assert.Contains(requestLog, l => l.Contains("/health/live", StringComparison.Ordinal));
        Assert.Contains(requestLog, l => l.Contains("/webhooks/whatsapp", StringComparison.Ordinal) && l.Contains("401", StringComparison.Ordinal));
        Assert.Single(requestLog, l => l.Contains("/webhooks/whatsapp", StringComparison.Ordinal));

        static Task<HttpResponseMessage> Send(HttpClient client, byte[] body, string secret) => client.SendAsync(WebhookAppFixture.SignedWebhook(body, secret));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413_and_is_not_stored()
    {
        var before = await InboxCountAsync();
        var huge = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + new string('x', WebhookAppFixture.MaxWebhookBytes) + "\"}");

        var response = await app.PostWebhookAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await InboxCountAsync());
    }

    [Theory]
    [InlineData("text", MessageType.Text, "Dobrý den, kde je moje objednávka?")]
    [InlineData("location", MessageType.Location, "Pobočka Můstek · Václavské nám. 1, Praha · 50.0814, 14.4279")]
    [InlineData("reaction", MessageType.Reaction, "👍")]
    [InlineData("contacts", MessageType.Contacts, "Petr Novák +420 602 111 222")]
    [InlineData("interactive", MessageType.Interactive, "Ano, zavolejte mi")]
    [InlineData("button", MessageType.Interactive, "Odhlásit odběr")]
    [InlineData("unsupported", MessageType.Unsupported, "Message type unknown")]
    public async Task Each_message_type_lands_in_the_customers_chat_on_the_connector(string fixture, MessageType type, string text)
    {
        var (body, wamid, customer) = UniqueCustomer(WebhookAppFixture.Fixture(fixture));

        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);
        await app.DrainedAsync();

        await using var db = app.OpenDb();
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.WhatsAppMessageId == wamid);
        Assert.Equal(type, message.Type);
        Assert.Equal(text, message.Text);
        Assert.Equal(MessageDirection.CustomerToAgent, message.Direction);
        var interaction = await db.Interactions.AsNoTracking().SingleAsync(i => i.Id == message.InteractionId);
        Assert.Equal(app.Connector.Id, interaction.ConnectorId);
        Assert.Equal(app.DefaultQueue.Id, interaction.QueueId);
        Assert.Equal(customer, interaction.CustomerNumber);
        Assert.Equal("Jana Dvořáková", interaction.WhatsAppContact);
        Assert.Equal(InteractionDirection.In, interaction.Direction);
        Assert.StartsWith("wap_", interaction.Name, StringComparison.Ordinal);
        Assert.Contains(await db.ProcessingEvents.Where(p => p.InteractionId == interaction.Id).Select(p => p.Kind).ToListAsync(), k => k == ProcessingEventKind.EnteredQueue);
    }

    [Fact]
    public async Task A_customer_without_wa_id_gets_a_chat_keyed_by_the_business_scoped_user_id()
    {
        var userId = "CZ." + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999);
        var wamid = "wamid.BSU" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WebhookAppFixture.Fixture("without-wa-id"))
            .Replace("CZ.13491208655302741918", userId, StringComparison.Ordinal).Replace("wamid.BSU1", wamid, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);
        await app.DrainedAsync();

        await using var db = app.OpenDb();
        var interaction = await db.Interactions.AsNoTracking().SingleAsync(i => i.Messages.Any(m => m.WhatsAppMessageId == wamid));
        Assert.Equal("bsuid:" + userId, interaction.CustomerKey);
        Assert.Null(interaction.CustomerNumber);
        Assert.Equal("Tom", interaction.WhatsAppContact);
    }

    [Fact]
    public async Task A_second_message_of_the_customer_joins_their_open_chat()
    {
        var (first, firstId, customer) = UniqueCustomer(WebhookAppFixture.Fixture("text"));
        var second = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(first).Replace(firstId, firstId + "b", StringComparison.Ordinal).Replace("1795770000", "1795770060", StringComparison.Ordinal));

        await app.PostWebhookAsync(first);
        await app.PostWebhookAsync(second);
        await app.DrainedAsync();

        await using var db = app.OpenDb();
        var chats = await db.Interactions.AsNoTracking().Where(i => i.CustomerNumber == customer).Select(i => i.Messages.Count).ToListAsync();
        Assert.Equal([2], chats);
    }

    [Fact]
    public async Task The_same_webhook_delivered_twice_at_once_stores_one_message()
    {
        var (body, wamid, customer) = UniqueCustomer(WebhookAppFixture.Fixture("text"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.PostWebhookAsync(body)));
        await app.DrainedAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.WhatsAppMessageId == wamid));
        Assert.Equal(1, await db.Interactions.CountAsync(i => i.CustomerNumber == customer));
        Assert.Equal(0, await db.WebhookInbox.CountAsync(i => i.ParkedAt != null && i.LastError!.Contains(wamid)));
    }

    [Fact]
    public async Task A_poison_body_is_parked_with_its_error_and_does_not_block_the_next_one()
    {
        var poison = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[ not json");
        var (good, wamid, _) = UniqueCustomer(WebhookAppFixture.Fixture("text"));

        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(poison)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(good)).StatusCode);
        await app.DrainedAsync();

        await using var db = app.OpenDb();
        Assert.True(await db.Messages.AnyAsync(m => m.WhatsAppMessageId == wamid));
        var parked = await db.WebhookInbox.AsNoTracking().Where(i => i.ParkedAt != null).ToListAsync();
        var item = Assert.Single(parked, i => i.Body.SequenceEqual(poison));
        Assert.Contains("JsonException", item.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_phone_number_id_is_retried_then_parked_and_reported_never_dropped()
    {
        var (body, _, _) = UniqueCustomer(WebhookAppFixture.Fixture("text"));
        var unknown = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace(WebhookAppFixture.PhoneNumberId, "999000999", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(unknown)).StatusCode);
        for (var i = 0; i < WapListing.Infrastructure.Ingestion.WebhookInbox.MaxAttempts + 1; i++)
        {
            await Task.Delay(150);
            app.App.Clock.Advance(TimeSpan.FromMinutes(6));
        }

        await app.DrainedAsync();
        await using var db = app.OpenDb();
        var item = await db.WebhookInbox.AsNoTracking().SingleAsync(i => i.Body == unknown);
        Assert.NotNull(item.ParkedAt);
        Assert.Equal(WapListing.Infrastructure.Ingestion.WebhookInbox.MaxAttempts, item.Attempts);
        Assert.Contains("999000999", item.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Media_are_fetched_from_the_graph_api_with_the_connectors_token()
    {
        var (body, wamid, _) = UniqueCustomer(WebhookAppFixture.Fixture("image"));
        var mediaId = "m" + Guid.NewGuid().ToString("N");
        body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("1003383421387256", mediaId, StringComparison.Ordinal));
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5 };
        app.Graph.AddMedia(mediaId, jpeg, "image/jpeg");

        await app.PostWebhookAsync(body);
        await app.DrainedAsync();

        var attachment = await AttachmentOfAsync(wamid);
        Assert.Equal(jpeg, attachment.Content);
        Assert.Equal(jpeg.Length, attachment.Size);
        Assert.Null(attachment.FetchError);
        Assert.Contains("Bearer " + WebhookAppFixture.AccessToken, app.Graph.SeenTokens);
    }

    [Theory]
    [InlineData("too-large", "too-large:102400")]
    [InlineData("missing", "graph-status:400")]
    [InlineData("download-fails", "download-status:404")]
    public async Task A_media_file_that_cannot_be_fetched_shows_why(string situation, string reason)
    {
        var (body, wamid, _) = UniqueCustomer(WebhookAppFixture.Fixture("document"));
        var mediaId = "m" + Guid.NewGuid().ToString("N");
        body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("1003383421387260", mediaId, StringComparison.Ordinal));
        if (situation == "too-large")
        {
            app.Graph.AddMedia(mediaId, new byte[16], "application/pdf", declaredSize: WebhookAppFixture.MaxMediaBytes + 1);
        }
        else if (situation == "download-fails")
        {
            app.Graph.AddMedia(mediaId, new byte[16], "application/pdf", failDownload: true);
        }

        await app.PostWebhookAsync(body);
        await app.DrainedAsync();

        var attachment = await AttachmentOfAsync(wamid);
        Assert.Null(attachment.Content);
        Assert.Equal("faktura-2026-11.pdf", attachment.FileName);
        Assert.Contains(reason, attachment.FetchError, StringComparison.Ordinal);
    }

    private async Task<MessageAttachment> AttachmentOfAsync(string wamid)
    {
        await using var db = app.OpenDb();
        return await db.MessageAttachments.AsNoTracking()
            .SingleAsync(a => db.Messages.Any(m => m.Id == a.MessageId && m.WhatsAppMessageId == wamid));
    }

    private async Task<int> InboxCountAsync()
    {
        await using var db = app.OpenDb();
        return await db.WebhookInbox.CountAsync();
    }

    /// <summary>A fixture with a message id of its own, so tests sharing the database never collide.</summary>
    private static byte[] Unique(byte[] fixture) => UniqueCustomer(fixture).Body;

    /// <summary>A fixture with its own message id and its own customer number.</summary>
    private static (byte[] Body, string MessageId, string CustomerNumber) UniqueCustomer(byte[] fixture)
    {
        var text = Encoding.UTF8.GetString(fixture);
        var wamid = "wamid.T" + Guid.NewGuid().ToString("N");
        var number = "420" + Random.Shared.Next(600_000_000, 799_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = text.IndexOf("\"id\": \"wamid.", StringComparison.Ordinal) + 7;
        var end = text.IndexOf('"', start);
        text = text[..start] + wamid + text[end..];
        text = text.Replace("420777123456", number, StringComparison.Ordinal);
        return (Encoding.UTF8.GetBytes(text), wamid, "+" + number);
    }
}
