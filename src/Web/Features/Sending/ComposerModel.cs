using WapListing.Domain.Entities;

namespace WapListing.Web.Features.Sending;

/// <summary>The composer under the transcript: what the viewer may send to this customer now, and what they typed.</summary>
public sealed record ComposerModel(
    string InteractionName,
    Guid ClientKey,
    DateTimeOffset? WindowClosesAt,
    TimeSpan? WindowRemaining,
    bool ConnectorReady,
    IReadOnlyList<TemplateOption> Templates,
    SendMessageRequest Input,
    ComposerPreview? Preview,
    IReadOnlyDictionary<string, string> Errors,
    string? Problem)
{
    public bool WindowOpen => WindowRemaining is not null;

    public ComposerMode Mode => WindowOpen ? Input.Mode : ComposerMode.Template;

    public TemplateOption? SelectedTemplate => Templates.FirstOrDefault(t => t.Id == Input.TemplateId);

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;
}

public sealed record TemplateOption(int Id, string Name, string Language, string? Category, string Body, int ParameterCount);

/// <summary>What the customer will read, shown before sending.</summary>
public sealed record ComposerPreview(ComposerMode Mode, string Text, string? TemplateName, string? TemplateLanguage);

/// <summary>A message asked for that is not (yet) in the transcript: waiting for WhatsApp's answer, refused, or never confirmed.</summary>
public sealed record SendAttemptItem(
    DateTimeOffset Time,
    string? Author,
    string? Text,
    OutboundSendState State,
    string? Problem,
    int? ErrorCode,
    string? ErrorTitle);
