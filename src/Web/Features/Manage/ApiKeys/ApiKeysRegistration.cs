namespace WapListing.Web.Features.Manage.ApiKeys;

public static class ApiKeysRegistration
{
    /// <summary>The use cases of Manage → API keys (and the Bearer authentication of the API).</summary>
    public static IServiceCollection AddManageApiKeys(this IServiceCollection services) => services;
}
