namespace WapListing.Web.Features.Manage.Groups;

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
