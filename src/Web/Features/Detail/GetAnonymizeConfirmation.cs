using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail;

public sealed record GetAnonymizeConfirmationRequest
{
    [FromQuery(Name = "name")]
    [Required(ErrorMessage = ValidationMessages.Required)]
    [Display(Name = "Filter.UniqueName")]
    [StringLength(InteractionDetailQuery.MaxNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    public string? Name { get; init; }
}

/// <summary>What the anonymize confirmation shows: the interaction about to lose its personal data.</summary>
public sealed class GetAnonymizeConfirmation(InteractionDetailQuery detailQuery)
{
    public Task<InteractionDetail?> HandleAsync(GetAnonymizeConfirmationRequest request, CancellationToken cancellationToken) =>
        detailQuery.LoadAsync(request.Name, cancellationToken);
}
