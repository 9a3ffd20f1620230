using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WapListing.Infrastructure.WhatsApp;
using WapListing.Web.Features.Ingestion.Events;
using WapListing.Web.Features.Ingestion.WhatsApp;
using WapListing.Web.Features.Sending;

namespace WapListing.Web.Features.Ingestion;

public static class IngestionRegistration
{
    /// <summary>Real chats in and out (DESIGN §9 A, B, §6): the WhatsApp webhook, its inbox workers, the Graph API client, sending and the events API.</summary>
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
        services.AddSingleton<SendingRateLimiter>();
        services.AddScoped<SendWhatsAppMessage>();
        services.AddScoped<ComposerQuery>();
        services.AddScoped<ComposerPreviewer>();
        services.AddHostedService<SendRecoveryWorker>();
        return services;
    }
}
