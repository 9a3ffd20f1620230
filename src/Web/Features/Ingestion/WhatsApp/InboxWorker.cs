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
    /// <summary>How often processed bodies past their retention are deleted, and how many per statement.</summary>
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    private const int PurgeChunk = 10_000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.InboxWorkers == 0
            ? Task.CompletedTask
            : Task.WhenAll(Enumerable.Range(0, options.Value.InboxWorkers).Select(_ => RunAsync(stoppingToken)).Append(PurgeAsync(stoppingToken)));

    /// <summary>Keeps the inbox to its retention (WhatsApp:InboxRetentionDays), a chunk at a time so no statement runs long.</summary>
    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var before = clock.GetUtcNow().AddDays(-options.Value.InboxRetentionDays);
                for (var chunk = 0; chunk < 100; chunk++)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
                    if (await WebhookInbox.PurgeProcessedAsync(db, before, PurgeChunk, stoppingToken) < PurgeChunk)
                    {
                        break;
                    }
                }

                await Task.Delay(PurgeEvery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Purging processed webhook bodies failed; tried again in {Minutes} min ({Error}).", PurgeEvery.TotalMinutes, e.Message);
                await Task.Delay(PurgeEvery, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromMilliseconds(options.Value.InboxPollMilliseconds);
        var gather = TimeSpan.FromMilliseconds(options.Value.InboxGatherMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                bool worked;
                do
                {
                    int claimed;
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
                        claimed = await WebhookInbox.ProcessBatchAsync(db, clock, options.Value.InboxBatchSize, stoppingToken);
                        worked = claimed > 0 | await scope.ServiceProvider.GetRequiredService<MediaFetcher>().FetchNextAsync(stoppingToken);
                    }

                    // Under load, a short wait lets the next batch fill: one transaction for many bodies costs far less than one each.
                    if (claimed is > 0 && claimed < options.Value.InboxBatchSize && gather > TimeSpan.Zero)
                    {
                        await Task.Delay(gather, stoppingToken);
                    }
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
