using Microsoft.Extensions.Options;

namespace WapListing.Web.Features.Export;

/// <summary>Bounds the exports running at once on this instance.</summary>
public sealed class ExportGate(IOptions<ExportOptions> options)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Value.MaxConcurrentExports));

    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        return await _slots.WaitAsync(TimeSpan.FromSeconds(options.Value.QueueWaitSeconds), cancellationToken)
            ? new Slot(_slots)
            : null;
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
