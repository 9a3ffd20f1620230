using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WapListing.Web.Localization;

namespace WapListing.Web.Validation;

/// <summary>Model binding's own messages ("the value 'x' is not valid for Score") in the viewer's language.</summary>
public sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["Validation.NotValid", value, field]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.ValueInvalid", value]);
        messages.SetUnknownValueIsInvalidAccessor(field => l["Validation.Invalid", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.InvalidValue"]);
        messages.SetValueIsInvalidAccessor(value => l["Validation.ValueInvalid", value]);
        messages.SetValueMustBeANumberAccessor(field => l["Validation.NotANumber", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.NumberExpected"]);
        messages.SetValueMustNotBeNullAccessor(value => l["Validation.ValueInvalid", value]);
        messages.SetMissingBindRequiredValueAccessor(field => l["Validation.Missing", field]);
        messages.SetMissingKeyOrValueAccessor(() => l["Validation.InvalidValue"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.InvalidValue"]);
    }
}
