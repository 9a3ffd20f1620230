namespace WapListing.Web.Features.Detail.Actions;

/// <summary>
/// A form posted from the detail. When its values break the rules declared on it, the validation step answers with the
/// detail of <see cref="ReturnTo"/> and a notice, instead of a bare 400 — provided that name itself is usable.
/// </summary>
public interface IDetailActionRequest
{
    /// <summary>The form field naming the interaction or activity acted on (its model-state key).</summary>
    string TargetField { get; }

    /// <summary>The interaction or activity name the detail returns to.</summary>
    string? ReturnTo { get; }
}
