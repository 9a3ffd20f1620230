using WapListing.Domain.Entities;
using WapListing.Web.Authorization;

namespace WapListing.Web.Features.Detail;

/// <summary>
/// Which actions of the detail this viewer gets on this interaction: the role's policies (DESIGN §4) combined with the
/// interaction's state. Decided once here; the views show exactly these, and the actions' use cases refuse the rest.
/// </summary>
public sealed record DetailAccess(
    bool CanPairContact,
    bool CanMergeIntoTicket,
    bool CanAddQaReview,
    bool CanStartNewActivity,
    bool CanRemoveFromMissed,
    bool CanAnonymize,
    bool CanCloseDraft,
    bool CanDiscardDraft,
    bool CanCloseActivity)
{
    /// <summary><paramref name="viewerHasOpenActivity"/>: one of the interaction's open activities is the viewer's.</summary>
    public static async Task<DetailAccess> DecideAsync(ViewerAccess viewer, InteractionData interaction, bool viewerHasOpenActivity)
    {
        var canEdit = await viewer.CanEditInteractionsAsync();
        var notAnonymized = interaction.AnonymizedAt is null;
        return new DetailAccess(
            CanPairContact: canEdit && notAnonymized,
            CanMergeIntoTicket: canEdit,
            CanAddQaReview: await viewer.CanAddQaReviewAsync(),
            CanStartNewActivity: canEdit && notAnonymized && interaction.CustomerNumber is not null,
            CanRemoveFromMissed: await viewer.CanRemoveFromMissedAsync() && interaction.MissedState == MissedState.Shown,
            CanAnonymize: await viewer.CanAnonymizeAsync() && notAnonymized,
            CanCloseDraft: canEdit && interaction.IsDraft && interaction.HasOpenActivity,
            CanDiscardDraft: canEdit && interaction.IsDraft && !interaction.HasMessages,
            CanCloseActivity: canEdit && !interaction.IsDraft && interaction.Direction == InteractionDirection.Out
                && interaction.ClosedTime is null && viewerHasOpenActivity);
    }

    /// <summary>Whether the viewer may open a panel (the Pair panel also needs an interaction that is not anonymized).</summary>
    public bool Allows(DetailPanel panel) => panel switch
    {
        DetailPanel.Pair => CanPairContact,
        DetailPanel.Ticket => CanMergeIntoTicket,
        DetailPanel.Qa => CanAddQaReview,
        _ => true,
    };
}
