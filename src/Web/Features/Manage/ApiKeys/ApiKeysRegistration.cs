using WapListing.Web.Api;

namespace WapListing.Web.Features.Manage.ApiKeys;

public static class ApiKeysRegistration
{
    /// <summary>The use cases of Manage → API keys and of the API's own key check (the Bearer scheme is in IdentityServices).</summary>
    public static IServiceCollection AddManageApiKeys(this IServiceCollection services) =>
        services
            .AddScoped<GetApiKeys>()
            .AddScoped<CreateApiKey>()
            .AddScoped<RevokeApiKey>()
            .AddScoped<GetApiCaller>();
}
