using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Ingestion;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>
/// One inbox worker pass over a batch of webhook bodies (DESIGN §9 A): the good bodies are stored together, and a body
/// that fails is set aside on its own — retried later or parked — without holding back the rest of its batch.
/// </summary>
public sealed class InboxBatchTests(InboxLeftToOtherProcessesFixture app) : IClassFixture<InboxLeftToOtherProcessesFixture>
{
    [Fact]
    public async Task A_batch_with_a_failing_body_stores_the_others_in_the_same_pass_and_retries_only_the_failing_one()
    {
        var customer = "420" + Random.Shared.Next(600_000_000, 799_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = "wamid.B1" + Guid.NewGuid().ToString("N");
        var second = "wamid.B2" + Guid.NewGuid().ToString("N");
        var outbound = "wamid.BO" + Guid.NewGuid().ToString("N");
        var unknownNumber = Text(first.Replace("B1", "BX", StringComparison.Ordinal), customer).Replace(WebhookAppFixture.PhoneNumberId, "999000777", StringComparison.Ordinal);
        await using (var setup = app.OpenDb())
        {
            var earlier = new Interaction { Name = "wap_batch" + Guid.NewGuid().ToString("N")[..12], Time = DateTimeOffset.UtcNow.AddHours(-1), ConnectorId = app.Connector.Id, CustomerNumber = "+" + customer };
            earlier.Messages.Add(new Message { Time = earlier.Time, Direction = MessageDirection.AgentToCustomer, Type = MessageType.Text, Text = "Hello", WhatsAppMessageId = outbound, DeliveryStatus = DeliveryStatus.Sent });
            setup.Interactions.Add(earlier);
            await setup.SaveChangesAsync();
        }

        byte[][] bodies =
        [
            Encoding.UTF8.GetBytes(Text(first, customer)),
            Encoding.UTF8.GetBytes(unknownNumber),
            Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[ not json"),
            Encoding.UTF8.GetBytes(Text(second, customer)),
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(WebhookAppFixture.Fixture("statuses")).Replace("wamid.OUT1", outbound, StringComparison.Ordinal)),
        ];
        foreach (var body in bodies)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.PostWebhookAsync(body)).StatusCode);
        }

        await using (var worker = app.OpenDb())
        {
            Assert.Equal(bodies.Length, await WebhookInbox.ProcessBatchAsync(worker, TimeProvider.System, WebhookInbox.BatchSize, CancellationToken.None));
        }

        await using var db = app.OpenDb();
        var stored = await db.Messages.AsNoTracking().Where(m => m.WhatsAppMessageId == first || m.WhatsAppMessageId == second).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Single(stored.Select(m => m.InteractionId).Distinct());
        Assert.Equal(DeliveryStatus.Delivered, (await db.Messages.SingleAsync(m => m.WhatsAppMessageId == outbound)).DeliveryStatus);
        Assert.Equal("wl-send-7f3c", (await db.DeliveryStatusReports.SingleAsync(r => r.WhatsAppMessageId == outbound)).CallbackData);
        Assert.Equal(0, await db.Messages.CountAsync(m => m.WhatsAppMessageId.StartsWith("wamid.BX")));

        var inbox = await db.WebhookInbox.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        var byBody = bodies.Select(b => inbox.Single(i => i.Body.SequenceEqual(b))).ToList();
        Assert.All(new[] { byBody[0], byBody[3], byBody[4] }, i => Assert.NotNull(i.ProcessedAt));
        Assert.Null(byBody[1].ProcessedAt);
        Assert.Null(byBody[1].ParkedAt);
        Assert.Equal(1, byBody[1].Attempts);
        Assert.Contains("999000777", byBody[1].LastError, StringComparison.Ordinal);
        Assert.True(byBody[1].NextAttemptAt > DateTimeOffset.UtcNow, "The failing body waits for its next attempt.");
        Assert.NotNull(byBody[2].ParkedAt);
        Assert.Contains("JsonException", byBody[2].LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_retention_purge_deletes_only_processed_bodies_past_their_days_oldest_first()
    {
        var now = DateTimeOffset.UtcNow;
        var marker = Guid.NewGuid().ToString("N");
        WebhookInboxItem Body(string name, int daysAgo, bool processed = false, bool parked = false) => new()
        {
            Body = Encoding.UTF8.GetBytes($"{{\"{marker}\":\"{name}\"}}"),
            ReceivedAt = now.AddDays(-daysAgo),
            NextAttemptAt = now.AddDays(1), // not claimed by the other test of this class
            ProcessedAt = processed ? now.AddDays(-daysAgo) : null,
            ParkedAt = parked ? now.AddDays(-daysAgo) : null,
            Attempts = 1,
        };
        await using (var setup = app.OpenDb())
        {
            setup.WebhookInbox.AddRange(
                Body("processed-30-days-ago", 30, processed: true),
                Body("processed-9-days-ago", 9, processed: true),
                Body("processed-yesterday", 1, processed: true),
                Body("parked-30-days-ago", 30, parked: true),
                Body("waiting-30-days-ago", 30));
            await setup.SaveChangesAsync();
        }

        await using (var purge = app.OpenDb())
        {
            Assert.Equal(1, await WebhookInbox.PurgeProcessedAsync(purge, now.AddDays(-7), limit: 1, CancellationToken.None));
            Assert.Equal(1, await WebhookInbox.PurgeProcessedAsync(purge, now.AddDays(-7), limit: 100, CancellationToken.None));
            Assert.Equal(0, await WebhookInbox.PurgeProcessedAsync(purge, now.AddDays(-7), limit: 100, CancellationToken.None));
        }

        await using var db = app.OpenDb();
        var left = (await db.WebhookInbox.AsNoTracking().ToListAsync())
            .Select(i => Encoding.UTF8.GetString(i.Body))
            .Where(b => b.Contains(marker, StringComparison.Ordinal))
            .Order()
            .ToList();
        Assert.Equal(
            new[] { "parked-30-days-ago", "processed-yesterday", "waiting-30-days-ago" }.Select(n => $"{{\"{marker}\":\"{n}\"}}"),
            left);
    }

    private static string Text(string wamid, string customer) =>
        Encoding.UTF8.GetString(WebhookAppFixture.Fixture("text"))
            .Replace("wamid.HBgLNDIwNzc3MTIzNDU2FQIAEhgUM0VCMEQ1", wamid, StringComparison.Ordinal)
            .Replace("420777123456", customer, StringComparison.Ordinal);
}
