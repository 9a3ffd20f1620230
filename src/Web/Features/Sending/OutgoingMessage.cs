namespace WapListing.Web.Features.Sending;

/// <summary>
/// A message to a customer through the Cloud API (<c>POST /{phone-number-id}/messages</c>). <see cref="CallbackData"/>
/// travels as <c>biz_opaque_callback_data</c> and comes back on the message's status webhooks, so a message whose
/// answer was lost can still be recognised.
/// </summary>
public abstract record OutgoingMessage(string To, string? CallbackData);

/// <summary>Free text, allowed while the customer's service window is open.</summary>
public sealed record OutgoingText(string To, string Body, string? CallbackData = null) : OutgoingMessage(To, CallbackData)
{
    /// <summary>WhatsApp's limit for a text message body.</summary>
    public const int MaxBodyLength = 4096;
}

/// <summary>An approved template with the values of its body parameters ({{1}}, {{2}} …), allowed at any time.</summary>
public sealed record OutgoingTemplate(string To, string Name, string LanguageCode, IReadOnlyList<string> BodyParameters, string? CallbackData = null)
    : OutgoingMessage(To, CallbackData);
