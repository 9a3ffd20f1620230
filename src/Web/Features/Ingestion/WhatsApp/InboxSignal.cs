namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>Wakes this node's inbox workers when a body was just committed, so the lag is not a poll interval.</summary>
public sealed class InboxSignal
{
    private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);

    public void Notify() => _arrived.Release();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _arrived.WaitAsync(timeout, cancellationToken);
}
