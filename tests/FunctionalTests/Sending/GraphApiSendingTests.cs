using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using WapListing.FunctionalTests.Ingestion;
using WapListing.Web.Features.Ingestion.WhatsApp;
using WapListing.Web.Features.Sending;
using WapListing.Web.Localization;

namespace WapListing.FunctionalTests.Sending;

/// <summary>
/// Sending through the Cloud API (DESIGN §9 A) against the local Graph stand-in: the payloads Meta documents for text and
/// templates, the connector's token, the returned WhatsApp message id, and every refusal mapped to words people can act on.
/// </summary>
public sealed class GraphApiSendingTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    private GraphApiClient Graph => app.App.Services.GetRequiredService<GraphApiClient>();

    private static string In(string culture, Func<string> read)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static string Customer() => "420" + Random.Shared.Next(600_000_000, 799_999_999).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Free_text_goes_out_as_Meta_documents_it_with_the_connectors_token_and_gives_back_the_message_id()
    {
        var to = Customer();

        var wamid = await Graph.SendMessageAsync(WebhookAppFixture.PhoneNumberId, WebhookAppFixture.AccessToken, new OutgoingText(to, "Dobrý den, <b>zkusíme</b> to znovu.", "key-1"), CancellationToken.None);

        Assert.StartsWith("wamid.STANDIN", wamid, StringComparison.Ordinal);
        var sent = Assert.Single(app.Graph.SentMessages, m => (string?)m.Body["to"] == to);
        Assert.Equal(WebhookAppFixture.PhoneNumberId, sent.PhoneNumberId);
        Assert.Equal("Bearer " + WebhookAppFixture.AccessToken, sent.Authorization);
        Assert.Equal("whatsapp", (string?)sent.Body["messaging_product"]);
        Assert.Equal("individual", (string?)sent.Body["recipient_type"]);
        Assert.Equal("text", (string?)sent.Body["type"]);
        Assert.Equal("Dobrý den, <b>zkusíme</b> to znovu.", (string?)sent.Body["text"]!["body"]);
        Assert.False((bool)sent.Body["text"]!["preview_url"]!);
        Assert.Equal("key-1", (string?)sent.Body["biz_opaque_callback_data"]);
    }

    [Fact]
    public async Task A_template_goes_out_with_its_language_and_body_parameters_in_order()
    {
        var to = Customer();

        await Graph.SendMessageAsync(WebhookAppFixture.PhoneNumberId, WebhookAppFixture.AccessToken, new OutgoingTemplate(to, "missed_chat_followup", "cs", ["Jana", "objednávka 1234"]), CancellationToken.None);

        var body = Assert.Single(app.Graph.SentMessages, m => (string?)m.Body["to"] == to).Body;
        Assert.Equal("template", (string?)body["type"]);
        Assert.Equal("missed_chat_followup", (string?)body["template"]!["name"]);
        Assert.Equal("cs", (string?)body["template"]!["language"]!["code"]);
        var component = body["template"]!["components"]!.AsArray().Single()!;
        Assert.Equal("body", (string?)component["type"]);
        Assert.Equal(["Jana", "objednávka 1234"], component["parameters"]!.AsArray().Select(p => (string)p!["text"]!));
        Assert.All(component["parameters"]!.AsArray(), p => Assert.Equal("text", (string?)p!["type"]));
        Assert.Null(body["biz_opaque_callback_data"]);
    }

    [Theory]
    [InlineData(131047, "Re-engagement message", WhatsAppSendProblem.ReEngagementRequired)]
    [InlineData(131026, "Message undeliverable", WhatsAppSendProblem.NotOnWhatsApp)]
    [InlineData(131030, "Recipient phone number not in allowed list", WhatsAppSendProblem.RecipientNotAllowed)]
    [InlineData(131056, "(Business Account, Consumer Account) pair rate limit hit", WhatsAppSendProblem.RateLimited)]
    [InlineData(130429, "Rate limit hit", WhatsAppSendProblem.RateLimited)]
    [InlineData(190, "Access token has expired", WhatsAppSendProblem.AccessTokenInvalid)]
    [InlineData(132001, "Template name does not exist in the translation", WhatsAppSendProblem.TemplateProblem)]
    [InlineData(132000, "Number of parameters does not match the expected number of params", WhatsAppSendProblem.TemplateProblem)]
    [InlineData(100, "Invalid parameter", WhatsAppSendProblem.InvalidRequest)]
    [InlineData(131016, "Service unavailable", WhatsAppSendProblem.ServiceUnavailable)]
    [InlineData(135000, "Generic user error", WhatsAppSendProblem.Other)]
    public async Task Each_refusal_of_the_graph_api_is_mapped_to_a_clear_message(int code, string title, WhatsAppSendProblem problem)
    {
        var to = Customer();
        app.Graph.FailSendsTo(to, code, title, httpStatus: code == 190 ? 401 : 400);

        var refused = await Assert.ThrowsAsync<WhatsAppSendException>(() =>
            Graph.SendMessageAsync(WebhookAppFixture.PhoneNumberId, WebhookAppFixture.AccessToken, new OutgoingText(to, "Ahoj"), CancellationToken.None));

        Assert.Equal(problem, refused.Failure.Problem);
        Assert.Equal(code, refused.Failure.Code);
        Assert.Contains(title, refused.Failure.Title, StringComparison.Ordinal);
        var localizer = app.App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var english = In("en-US", () => refused.Failure.Describe(localizer));
        var czech = In("cs-CZ", () => refused.Failure.Describe(localizer));
        Assert.Contains(code.ToString(CultureInfo.InvariantCulture), english, StringComparison.Ordinal);
        Assert.NotEqual(english, czech);
        Assert.DoesNotContain("Send.Problem", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graph_api_that_does_not_answer_in_time_is_a_timeout_which_may_still_have_sent()
    {
        var to = Customer();
        app.Graph.DelaySendsTo(to, TimeSpan.FromSeconds(4));

        var refused = await Assert.ThrowsAsync<WhatsAppSendException>(() =>
            Graph.SendMessageAsync(WebhookAppFixture.PhoneNumberId, WebhookAppFixture.AccessToken, new OutgoingText(to, "Ahoj"), CancellationToken.None));

        Assert.Equal(WhatsAppSendProblem.TimedOut, refused.Failure.Problem);
    }
}
