using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace WapListing.Web.Validation;

/// <summary>Lets MVC translate <see cref="StorableTextAttribute"/>'s message like those of the built-in attributes (no client-side rule).</summary>
public sealed class StorableTextAttributeAdapter(StorableTextAttribute attribute, IStringLocalizer? stringLocalizer)
    : AttributeAdapterBase<StorableTextAttribute>(attribute, stringLocalizer)
{
    public override void AddValidation(ClientModelValidationContext context)
    {
    }

    public override string GetErrorMessage(ModelValidationContextBase validationContext) =>
        GetErrorMessage(validationContext.ModelMetadata, validationContext.ModelMetadata.GetDisplayName());
}
