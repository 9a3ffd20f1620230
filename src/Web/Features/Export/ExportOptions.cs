namespace WapListing.Web.Features.Export;

/// <summary>Limits of the export (configuration section "Export").</summary>
public sealed class ExportOptions
{
    /// <summary>Excel's sheet holds 1,048,576 rows, one of them the header.</summary>
    public const int ExcelMaxDataRows = 1_048_575;

    public int XlsxRowLimit { get; set; } = ExcelMaxDataRows;

    /// <summary>Exports running at once on one app instance; others wait up to <see cref="QueueWaitSeconds"/>.</summary>
    public int MaxConcurrentExports { get; set; } = 2;

    public int QueueWaitSeconds { get; set; } = 10;
}

/// <summary>Bounds the exports running at once on this instance.</summary>
public sealed class ExportGate(Microsoft.Extensions.Options.IOptions<ExportOptions> options)
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
