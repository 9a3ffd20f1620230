using System.ComponentModel.DataAnnotations;
using WapListing.Web.Features.Detail.Actions;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Sending;

public enum ComposerMode
{
    Text,
    Template,
}

/// <summary>
/// The composer's form: free text, or a template with its parameters, for the chat named by <see cref="Name"/>.
/// <see cref="ClientKey"/> is minted when the composer is shown; the same key sent twice (a double click, a reload) sends once.
/// </summary>
public sealed record SendMessageRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(DetailActionLimits.MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Filter.UniqueName")]
    public string? Name { get; init; }

    [Required(ErrorMessage = ValidationMessages.Required)]
    [Display(Name = "Composer.ClientKey")]
    public Guid? ClientKey { get; init; }

    public ComposerMode Mode { get; init; }

    [StringLength(OutgoingText.MaxBodyLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Composer.Text")]
    public string? Text { get; init; }

    [Display(Name = "Composer.Template")]
    public int? TemplateId { get; init; }

    public List<string?> Parameters { get; init; } = [];
}
