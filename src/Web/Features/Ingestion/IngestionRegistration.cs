using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WapListing.Infrastructure.WhatsApp;
using WapListing.Web.Features.Ingestion.Events;
using WapListing.Web.Features.Ingestion.WhatsApp;

namespace WapListing.Web.Features.Ingestion;

public static class IngestionRegistration
{
    /// <summary>Real chats in (DESIGN §9 A, B): the WhatsApp webhook, its inbox workers, the Graph API client and the events API.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ConnectorSecrets>();
        services.AddSingleton<InboxSignal>();
        services.TryAddSingleton<WebhookAppSecrets>();
        services.AddScoped<VerifyWebhook>();
        services.AddScoped<ReceiveWebhook>();
        services.AddScoped<MediaFetcher>();
        services.AddScoped<IngestEvents>();
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
