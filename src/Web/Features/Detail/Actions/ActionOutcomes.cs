namespace WapListing.Web.Features.Detail.Actions;

public static class ActionOutcomes
{
    public const string Invalid = "invalid";

    /// <summary>The notice the detail shows after an action (<c>done=…</c>, resource <c>Detail.Done.…</c>): the action's own word when it was done.</summary>
    public static string DoneKey(ActionOutcome outcome, string doneWord) => outcome switch
    {
        ActionOutcome.Invalid => Invalid,
        ActionOutcome.BadPhone => "badphone",
        ActionOutcome.NotApplicable => "unchanged",
        _ => doneWord,
    };
}
