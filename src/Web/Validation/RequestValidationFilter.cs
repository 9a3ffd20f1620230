using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using WapListing.Web.Features.Detail;
using WapListing.Web.Features.Detail.Actions;

namespace WapListing.Web.Validation;

/// <summary>
/// The one validation step of the pages: every request record is bound and checked against the rules declared on it
/// (DataAnnotations, messages in the viewer's language) before its action runs. A form of the detail whose target
/// is usable goes back to that detail with a notice; anything else missing or malformed is a 400 page listing
/// what was wrong — never a 500. API controllers (<c>[ApiController]</c>) answer with problem details instead.
/// </summary>
public sealed class RequestValidationFilter(IUrlHelperFactory urlHelperFactory, IModelMetadataProvider metadataProvider) : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var modelState = context.ModelState;
        if (modelState.IsValid
            || context.ActionDescriptor.EndpointMetadata.Any(m => m is RedisplaysInvalidInputAttribute or ApiControllerAttribute))
        {
            return;
        }

        foreach (var request in context.ActionArguments.Values.OfType<IDetailActionRequest>())
        {
            if (!string.IsNullOrWhiteSpace(request.ReturnTo) && IsValid(modelState, request.TargetField))
            {
                var url = urlHelperFactory.GetUrlHelper(context);
                context.Result = new RedirectResult(url.Detail(request.ReturnTo, done: ActionOutcomes.Invalid));
                return;
            }
        }

        var messages = modelState.Values
            .SelectMany(entry => entry.Errors)
            .Select(error => error.ErrorMessage)
            .Where(message => message.Length > 0)
            .Distinct()
            .ToList();
        context.Result = new ViewResult
        {
            ViewName = "~/Views/Error/BadRequest.cshtml",
            StatusCode = StatusCodes.Status400BadRequest,
            ViewData = new ViewDataDictionary<BadRequestViewModel>(metadataProvider, modelState) { Model = new BadRequestViewModel(messages) },
        };
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    private static bool IsValid(ModelStateDictionary modelState, string field) =>
        modelState
            .Where(entry => entry.Key == field || entry.Key.EndsWith("." + field, StringComparison.Ordinal))
            .All(entry => entry.Value?.ValidationState != ModelValidationState.Invalid);
}
