using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace WapListing.Web.Validation;

/// <summary>MVC's adapters for the built-in validation attributes, plus the app's own (<see cref="StorableTextAttribute"/>), so all their messages are translated.</summary>
public sealed class ValidationAttributeAdapters : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider _builtIn = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) =>
        attribute is StorableTextAttribute storable
            ? new StorableTextAttributeAdapter(storable, stringLocalizer)
            : _builtIn.GetAttributeAdapter(attribute, stringLocalizer);
}
