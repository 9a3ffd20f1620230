namespace WapListing.Web.Features.Manage.Rights;

public static class RightsRegistration
{
    /// <summary>The use cases of Manage → Users → Rights.</summary>
    public static IServiceCollection AddManageRights(this IServiceCollection services) =>
        services
            .AddScoped<RightsEffects>()
            .AddScoped<GetUserRights>()
            .AddScoped<SaveUserRights>();
}
