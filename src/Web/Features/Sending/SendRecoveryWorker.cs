using Microsoft.Extensions.Options;
using WapListing.Infrastructure.Data;
using WapListing.Web.Features.Ingestion.WhatsApp;

namespace WapListing.Web.Features.Sending;

/// <summary>Runs <see cref="LostSendRecovery"/> every <c>WhatsApp:SendRecoverySeconds</c> on each node (0 turns it off on this node).</summary>
public sealed class SendRecoveryWorker(
    IServiceScopeFactory scopes, IOptions<WhatsAppOptions> options, TimeProvider clock, ILogger<SendRecoveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SendRecoverySeconds == 0)
        {
            return;
        }

        var every = TimeSpan.FromSeconds(options.Value.SendRecoverySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
                var (confirmed, unconfirmed) = await LostSendRecovery.RunOnceAsync(
                    db, clock.GetUtcNow(), TimeSpan.FromMinutes(options.Value.SendConfirmationMinutes), stoppingToken);
                if (confirmed + unconfirmed > 0)
                {
                    logger.LogInformation("Sends recovered from status webhooks: {Confirmed}; marked unconfirmed: {Unconfirmed}.", confirmed, unconfirmed);
                }

                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Recovering lost sends failed; tried again in {Seconds} s ({Error}).", every.TotalSeconds, e.Message);
                await Task.Delay(every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
