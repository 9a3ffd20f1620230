namespace WapListing.Web.Features.Manage.Groups;

public static class GroupsRegistration
{
    /// <summary>The use cases of Manage → User groups and Queue groups (and a user's Groups tab).</summary>
    public static IServiceCollection AddManageGroups(this IServiceCollection services) =>
        services
            .AddScoped<ListGroups>()
            .AddScoped<CreateGroup>()
            .AddScoped<GetGroup>()
            .AddScoped<RenameGroup>()
            .AddScoped<SaveGroupMembers>()
            .AddScoped<GetGroupDeletion>()
            .AddScoped<DeleteGroup>()
            .AddScoped<GetUserGroups>()
            .AddScoped<SaveUserGroups>();
}
