using System.ComponentModel.DataAnnotations;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>An action on a whole interaction, named by its own name or one of its activities' (form field <c>name</c>).</summary>
public sealed record InteractionActionRequest : IDetailActionRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(DetailActionLimits.MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Filter.UniqueName")]
    public string? Name { get; init; }

    string IDetailActionRequest.TargetField => nameof(Name);

    string? IDetailActionRequest.ReturnTo => Name;
}
