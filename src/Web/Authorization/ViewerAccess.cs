using Microsoft.AspNetCore.Authorization;

namespace WapListing.Web.Authorization;

/// <summary>
/// What the signed-in viewer may do (DESIGN §4's access table), decided by the authorization policies once per request.
/// View models carry these answers so views show exactly the panels, buttons and links the server would allow.
/// </summary>
public sealed class ViewerAccess(IAuthorizationService authorization, IHttpContextAccessor httpContextAccessor)
{
    private readonly Dictionary<string, bool> _decided = [];

    public Task<bool> CanExportAsync() => AllowsAsync(Policies.Export);

    public Task<bool> CanEditInteractionsAsync() => AllowsAsync(Policies.EditInteractions);

    public Task<bool> CanAddQaReviewAsync() => AllowsAsync(Policies.AddQaReview);

    public Task<bool> SeesAllQaReviewsAsync() => AllowsAsync(Policies.ViewAllQaReviews);

    public Task<bool> CanRemoveFromMissedAsync() => AllowsAsync(Policies.RemoveFromMissed);

    public Task<bool> CanAnonymizeAsync() => AllowsAsync(Policies.Anonymize);

    public Task<bool> CanManageAsync() => AllowsAsync(Policies.Manage);

    private async Task<bool> AllowsAsync(string policy)
    {
        if (!_decided.TryGetValue(policy, out var allowed))
        {
            var user = httpContextAccessor.HttpContext?.User ?? throw new InvalidOperationException("No HTTP request.");
            allowed = (await authorization.AuthorizeAsync(user, policy)).Succeeded;
            _decided[policy] = allowed;
        }

        return allowed;
    }
}
