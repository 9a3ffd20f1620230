namespace WapListing.Web.Features.Manage.Connectors;

public static class ConnectorsRegistration
{
    /// <summary>The use cases of Manage → Connectors.</summary>
    public static IServiceCollection AddManageConnectors(this IServiceCollection services) => services;
}
