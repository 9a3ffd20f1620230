namespace WapListing.Web.Features.Manage.Groups;

public static class GroupsRegistration
{
    /// <summary>The use cases of Manage → User groups and Queue groups.</summary>
    public static IServiceCollection AddManageGroups(this IServiceCollection services) => services;
}
