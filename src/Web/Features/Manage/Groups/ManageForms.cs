using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WapListing.Web.Features.Manage.Groups;

/// <summary>What a redisplayed Manage form shows: the value typed (when there is one) or the stored one, and whether a field was refused.</summary>
public static class ManageForms
{
    /// <summary>The notices a Manage page may show after a redirect (<c>done=…</c>, resource <c>Manage.Groups.Done.…</c>).</summary>
    public static readonly IReadOnlySet<string> DoneWords = new HashSet<string>(StringComparer.Ordinal) { "created", "saved", "deleted" };

    public static string? Value(this ModelStateDictionary modelState, string key, string? stored) =>
        modelState.TryGetValue(key, out var entry) && entry.AttemptedValue is { } typed ? typed : stored;

    public static bool IsRefused(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    /// <summary>The Bootstrap class of a field's input: red when refused.</summary>
    public static string InputClass(this ModelStateDictionary modelState, string key, string baseClass = "form-control") =>
        modelState.IsRefused(key) ? baseClass + " is-invalid" : baseClass;
}
