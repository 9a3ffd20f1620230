using System.ComponentModel.DataAnnotations;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.Queues;

/// <summary>A queue's form: name, connector, active, external key, queue groups, and the version it was loaded at.</summary>
public sealed record QueueRequest
{
    public const int MaxNameLength = 200;
    public const int MaxExternalKeyLength = 100;

    [Required(ErrorMessage = ValidationMessages.Required)]
    [StringLength(MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Name")]
    public string? Name { get; init; }

    [Display(Name = "Manage.Queues.Connector")]
    public int? ConnectorId { get; init; }

    public bool IsActive { get; init; }

    [StringLength(MaxExternalKeyLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.ExternalKey")]
    public string? ExternalKey { get; init; }

    public int[] GroupIds { get; init; } = [];

    public uint Version { get; init; }
}
