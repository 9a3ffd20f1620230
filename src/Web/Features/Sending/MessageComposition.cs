using Microsoft.Extensions.Localization;
using WapListing.Domain.Sending;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Sending;

/// <summary>A message ready to send: what the customer reads, and the template with its values when it is one.</summary>
public sealed record ComposedMessage(ComposerMode Mode, string Text, TemplateOption? Template, IReadOnlyList<string> Parameters)
{
    public OutgoingMessage ToOutgoing(string to, string callbackData) => Template is { } template
        ? new OutgoingTemplate(to, template.Name, template.Language, Parameters, callbackData)
        : new OutgoingText(to, Text, callbackData);

    public ComposerPreview ToPreview() => new(Mode, Text, Template?.Name, Template?.Language);
}

/// <summary>
/// The rules of what may be sent (DESIGN §6): free text only while the customer's 24-hour window is open, and within
/// WhatsApp's 4,096 characters; outside it only one of the connector's approved templates, each of its parameters
/// filled with a value WhatsApp takes, the result within 1,024 characters. Errors are keyed by form field.
/// </summary>
public static class MessageComposition
{
    public static (ComposedMessage? Message, Dictionary<string, string> Errors) Compose(
        SendMessageRequest request, SendTarget target, DateTimeOffset now, IStringLocalizer localizer)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Mode == ComposerMode.Text)
        {
            var text = request.Text?.TrimEnd();
            if (target.WindowRemaining(now) is null)
            {
                errors[nameof(request.Text)] = localizer["Composer.WindowClosed"];
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                errors[nameof(request.Text)] = localizer[ValidationMessages.Required, localizer["Composer.Text"]];
            }
            else if (text.Length > OutgoingText.MaxBodyLength)
            {
                errors[nameof(request.Text)] = localizer[ValidationMessages.TooLong, localizer["Composer.Text"], OutgoingText.MaxBodyLength];
            }
            else
            {
                return (new ComposedMessage(ComposerMode.Text, text, null, []), errors);
            }

            return (null, errors);
        }

        var template = target.Templates.FirstOrDefault(t => t.Id == request.TemplateId);
        if (template is null)
        {
            errors[nameof(request.TemplateId)] = localizer[ValidationMessages.Required, localizer["Composer.Template"]];
            return (null, errors);
        }

        var values = new List<string>(template.ParameterCount);
        for (var index = 0; index < template.ParameterCount; index++)
        {
            var value = request.Parameters.ElementAtOrDefault(index)?.Trim();
            if (!TemplateBody.IsAcceptableParameter(value) || !StorableText.IsStorable(value))
            {
                errors[$"{nameof(request.Parameters)}[{index}]"] = localizer["Composer.BadParameter", index + 1, TemplateBody.MaxParameterLength];
            }

            values.Add(value ?? string.Empty);
        }

        var rendered = TemplateBody.Render(template.Body, values);
        if (errors.Count == 0 && rendered.Length > TemplateBody.MaxRenderedLength)
        {
            errors[nameof(request.Parameters)] = localizer["Composer.TemplateTooLong", TemplateBody.MaxRenderedLength];
        }

        return errors.Count == 0 ? (new ComposedMessage(ComposerMode.Template, rendered, template, values), errors) : (null, errors);
    }
}
