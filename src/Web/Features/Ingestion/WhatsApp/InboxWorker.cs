using Microsoft.Extensions.Options;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Ingestion;
using WapListing.Web.Hosting;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>
/// Drains the webhook inbox on this node (DESIGN §9 A), then fetches media still waiting. Several workers and several
/// nodes share the work through <c>FOR UPDATE SKIP LOCKED</c>; a database outage only pauses them.
/// </summary>
public sealed class InboxWorker(
    IServiceScopeFactory scopes, IOptions<WhatsAppOptions> options, InboxSignal signal, TimeProvider clock, ILogger<InboxWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.InboxWorkers).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(options.Value.InboxPollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool worked;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
                    worked = await WebhookInbox.ProcessBatchAsync(db, clock, options.Value.InboxBatchSize, stoppingToken) > 0;
                    worked |= await scope.ServiceProvider.GetRequiredService<MediaFetcher>().FetchNextAsync(stoppingToken);
                }
                while (worked && !stoppingToken.IsCancellationRequested);

                await signal.WaitAsync(idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseOutage.IsCause(e))
            {
                logger.LogWarning("Inbox worker paused: the database is unavailable ({Error}).", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Inbox worker failed; it goes on.");
                await Task.Delay(idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
