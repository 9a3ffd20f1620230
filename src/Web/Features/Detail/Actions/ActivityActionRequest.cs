using System.ComponentModel.DataAnnotations;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail.Actions;

/// <summary>A form acting on one activity of the detail (form field <c>activity</c>); each action adds its own fields.</summary>
public abstract record ActivityActionRequest : IDetailActionRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(DetailActionLimits.MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Detail.ActivityName")]
    public string? Activity { get; init; }

    string IDetailActionRequest.TargetField => nameof(Activity);

    string? IDetailActionRequest.ReturnTo => Activity;
}
