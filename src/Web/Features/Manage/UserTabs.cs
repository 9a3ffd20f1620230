namespace WapListing.Web.Features.Manage;

/// <summary>The tabs of one user in Manage → Users: profile, the Rights tabs (Users, Queues), group membership.</summary>
public enum UserTab
{
    Profile,
    Rights,
    Groups,
}

/// <summary>What the user tabs partial needs: whose tabs, which is open.</summary>
public sealed record UserTabsModel(int UserId, string DisplayName, UserTab Active);
