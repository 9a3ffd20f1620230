using System.Text;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.UnitTests.WhatsApp;

/// <summary>Every message type of DESIGN §9 A, from payloads shaped as Meta documents them (tests/Fixtures/WhatsAppWebhooks).</summary>
public sealed class WebhookReadingTests
{
    private static WebhookContent Read(string fixture) =>
        WebhookReading.Read(WebhookPayload.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "WhatsAppWebhooks", fixture + ".json"))));

    [Theory]
    [InlineData("text", MessageType.Text, "Dobrý den, kde je moje objednávka?", null, null)]
    [InlineData("image", MessageType.Image, "Rozbitý displej", "image.jpg", "image/jpeg")]
    [InlineData("video", MessageType.Video, null, "video.mp4", "video/mp4")]
    [InlineData("voice", MessageType.Audio, null, "voice.ogg", "audio/ogg")]
    [InlineData("sticker", MessageType.Sticker, null, "sticker.webp", "image/webp")]
    [InlineData("document", MessageType.Document, "Faktura", "faktura-2026-11.pdf", "application/pdf")]
    [InlineData("location", MessageType.Location, "Pobočka Můstek · Václavské nám. 1, Praha · 50.0814, 14.4279", null, null)]
    [InlineData("reaction", MessageType.Reaction, "👍", null, null)]
    [InlineData("contacts", MessageType.Contacts, "Petr Novák +420 602 111 222", null, null)]
    [InlineData("interactive", MessageType.Interactive, "Ano, zavolejte mi", null, null)]
    [InlineData("button", MessageType.Interactive, "Odhlásit odběr", null, null)]
    [InlineData("unsupported", MessageType.Unsupported, "Message type unknown", null, null)]
    public void Each_message_type_reads_into_the_transcripts_terms(string fixture, MessageType type, string? text, string? fileName, string? contentType)
    {
        var message = Assert.Single(Read(fixture).Messages);

        Assert.Equal(type, message.Type);
        Assert.Equal(text, message.Text);
        Assert.Equal(fileName, message.Media?.FileName);
        Assert.Equal(contentType, message.Media?.ContentType);
        Assert.Equal("106540352242922", message.PhoneNumberId);
        Assert.Equal("+420777123456", message.CustomerKey);
        Assert.Equal("+420777123456", message.CustomerNumber);
        Assert.Equal("Jana Dvořáková", message.ProfileName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795770000), message.Time);
        Assert.StartsWith("wamid.", message.WhatsAppMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_without_wa_id_is_keyed_by_the_business_scoped_user_id()
    {
        var message = Assert.Single(Read("without-wa-id").Messages);

        Assert.Equal("bsuid:CZ.13491208655302741918", message.CustomerKey);
        Assert.Null(message.CustomerNumber);
        Assert.Equal("Tom", message.ProfileName);
        Assert.Equal("Hi, it's me", message.Text);
    }

    [Fact]
    public void Statuses_carry_their_message_id_time_error_and_the_callback_data_the_message_was_sent_with()
    {
        var content = Read("statuses");

        Assert.Empty(content.Messages);
        Assert.Collection(
            content.Statuses,
            delivered =>
            {
                Assert.Equal(("wamid.OUT1", DeliveryStatus.Delivered), (delivered.WhatsAppMessageId, delivered.Status));
                Assert.Null(delivered.ErrorCode);
                Assert.Equal("wl-send-7f3c", delivered.CallbackData);
            },
            failed =>
            {
                Assert.Equal(("wamid.OUT2", DeliveryStatus.Failed), (failed.WhatsAppMessageId, failed.Status));
                Assert.Equal(131047, failed.ErrorCode);
                Assert.Equal("Re-engagement message", failed.ErrorTitle);
                Assert.Null(failed.CallbackData);
            });
    }

    [Fact]
    public void Changes_of_other_fields_and_unreadable_items_are_counted_not_lost_silently()
    {
        var body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[
              {"field":"message_template_status_update","value":{"event":"APPROVED"}},
              {"field":"messages","value":{"metadata":{"phone_number_id":"9"},"messages":[{"id":"wamid.X","type":"text","text":{"body":"no time, no sender"}}],
               "statuses":[{"id":"wamid.Y","status":"deleted","timestamp":"1795770000"}]}}]}]}
            """;

        var content = WebhookReading.Read(WebhookPayload.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Empty(content.Messages);
        Assert.Empty(content.Statuses);
        Assert.Equal(3, content.Ignored);
    }

    [Fact]
    public void The_signature_is_checked_over_the_raw_bytes_in_constant_time()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "WhatsAppWebhooks", "text.json"));
        var header = WebhookSignature.Sign(body, "app-secret");
        var changedByOneByte = (byte[])body.Clone();
        changedByOneByte[^3] ^= 1;
        var reserialised = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(body)));

        Assert.True(WebhookSignature.IsValid(header, body, ["other-secret", "app-secret"]));
        Assert.False(WebhookSignature.IsValid(header, body, ["other-secret"]));
        Assert.False(WebhookSignature.IsValid(header, changedByOneByte, ["app-secret"]));
        Assert.False(WebhookSignature.IsValid(header, reserialised, ["app-secret"]));
        Assert.False(WebhookSignature.IsValid(null, body, ["app-secret"]));
        Assert.False(WebhookSignature.IsValid("sha256=zz", body, ["app-secret"]));
        Assert.False(WebhookSignature.IsValid(header.Replace("sha256=", "sha1=", StringComparison.Ordinal), body, ["app-secret"]));
        Assert.False(WebhookSignature.IsValid(header, body, []));
    }
}
