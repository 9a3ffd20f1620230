namespace WapListing.Web.Features.Manage.Users;

public static class UsersRegistration
{
    /// <summary>The use cases of Manage → Users.</summary>
    public static IServiceCollection AddManageUsers(this IServiceCollection services) =>
        services
            .AddScoped<ListUsers>()
            .AddScoped<CreateUser>()
            .AddScoped<GetUserProfile>()
            .AddScoped<UpdateUser>()
            .AddScoped<SetUserActive>()
            .AddScoped<ResetUserPassword>();
}
