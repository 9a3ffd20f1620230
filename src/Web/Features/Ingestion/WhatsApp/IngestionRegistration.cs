using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

public static class IngestionRegistration
{
    /// <summary>The WhatsApp webhook, its inbox workers and the Graph API client (DESIGN §9 A).</summary>
    public static IServiceCollection AddWhatsAppIngestion(this IServiceCollection services)
    {
        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ConnectorSecrets>();
        services.AddSingleton<InboxSignal>();
        services.AddScoped<VerifyWebhook>();
        services.AddScoped<ReceiveWebhook>();
        services.AddScoped<MediaFetcher>();
        services.AddHttpClient<GraphApiClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<WhatsAppOptions>>().Value;
            http.BaseAddress = options.GraphBaseUrl;
            http.Timeout = TimeSpan.FromSeconds(options.MediaTimeoutSeconds);
        });
        services.AddHostedService<InboxWorker>();
        return services;
    }
}
