using System.ComponentModel.DataAnnotations;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>The name of a new group, or a group's new name with the version the form was loaded at.</summary>
public sealed record GroupNameRequest
{
    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(GroupKinds.MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Name")]
    public string? Name { get; init; }

    public uint Version { get; init; }
}

/// <summary>The ticked members of a group (users or queues), or the ticked groups of a user.</summary>
public sealed record TickedIdsRequest
{
    public int[] Ids { get; init; } = [];

    public uint Version { get; init; }
}
