using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace WapListing.Web.Features.Manage;

public enum ManageEditOutcome
{
    Done,
    NotFound,
    /// <summary>Someone else saved the record since the form was loaded (its <c>Version</c> no longer matches).</summary>
    Conflict,
    /// <summary>A field's value is refused (a name or key already taken); <see cref="ManageEditResult.Field"/> says which.</summary>
    Invalid,
}

/// <summary>The outcome of a Manage edit: the record's id when done, or the field and message key of a refused value.</summary>
public sealed record ManageEditResult(ManageEditOutcome Outcome, int Id = 0, string? Field = null, string? MessageKey = null)
{
    public static readonly ManageEditResult NotFound = new(ManageEditOutcome.NotFound);
    public static readonly ManageEditResult Conflict = new(ManageEditOutcome.Conflict);

    public static ManageEditResult Done(int id) => new(ManageEditOutcome.Done, id);

    public static ManageEditResult Invalid(string field, string messageKey) => new(ManageEditOutcome.Invalid, Field: field, MessageKey: messageKey);
}

/// <summary>How a Manage form shows a refused save, the same on every page.</summary>
public static class ManageEditRefusal
{
    /// <summary>Puts a refusal on the form: a field's message (422), or the conflict over the current values (409; what was typed is dropped).</summary>
    public static void ShowRefusal(this Controller controller, ManageEditResult? result, IStringLocalizer localizer)
    {
        if (result?.Outcome == ManageEditOutcome.Conflict)
        {
            controller.ModelState.Clear();
            controller.ModelState.AddModelError(string.Empty, localizer["Manage.ConcurrencyConflict"]);
            controller.Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else if (result is { Outcome: ManageEditOutcome.Invalid, Field: { } field, MessageKey: { } key })
        {
            controller.ModelState.AddModelError(field, localizer[key]);
            controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else if (result is null)
        {
            controller.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
    }
}
