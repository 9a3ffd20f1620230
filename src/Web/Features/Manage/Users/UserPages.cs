namespace WapListing.Web.Features.Manage.Users;

/// <summary>The profile tab: the stored user (heading, tabs, active state), the form as shown, the notice of the last change.</summary>
public sealed record UserProfilePage(UserProfile Profile, UpdateUserRequest Form, UserNotice? Notice)
{
    public ResetUserPasswordRequest Password { get; init; } = new() { Id = Profile.Id };
}

/// <summary>The page that shows a generated password, once.</summary>
public sealed record PasswordShownPage(int UserId, string DisplayName, string UserName, string Password, bool IsNewUser);

public sealed record UserNotice(string Key, bool IsError);

/// <summary>The <c>done=</c> codes of the profile after a change, and their messages.</summary>
public static class UserNotices
{
    public const string LastAdministrator = "last-admin";
    public const string Conflict = "conflict";

    private static readonly Dictionary<string, UserNotice> All = new(StringComparer.Ordinal)
    {
        ["created"] = new("Manage.Users.Done.Created", false),
        ["saved"] = new("Manage.Saved", false),
        ["deactivated"] = new("Manage.Users.Done.Deactivated", false),
        ["reactivated"] = new("Manage.Users.Done.Reactivated", false),
        ["password"] = new("Manage.Users.Done.Password", false),
        [LastAdministrator] = new("Manage.Users.LastAdministratorActive", true),
        [Conflict] = new("Manage.ConcurrencyConflict", true),
    };

    public static UserNotice? Known(string? done) => done is not null && All.TryGetValue(done, out var notice) ? notice : null;
}
