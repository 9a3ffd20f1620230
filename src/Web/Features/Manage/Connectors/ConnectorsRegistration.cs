using Microsoft.Extensions.DependencyInjection.Extensions;
using WapListing.Infrastructure.WhatsApp;
using WapListing.Web.Features.Ingestion.WhatsApp;
using WapListing.Web.Features.Sending.Templates;

namespace WapListing.Web.Features.Manage.Connectors;

public static class ConnectorsRegistration
{
    /// <summary>The use cases of Manage → Connectors (message templates included), and the protection of the connectors' secrets.</summary>
    public static IServiceCollection AddManageConnectors(this IServiceCollection services)
    {
        services.TryAddSingleton<ConnectorSecrets>();
        services.TryAddSingleton<WebhookAppSecrets>();
        return services
            .AddScoped<ListConnectors>()
            .AddScoped<GetConnectorForm>()
            .AddScoped<SaveConnector>()
            .AddScoped<FetchTemplates>();
    }
}
