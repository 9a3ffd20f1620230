using System.Globalization;

namespace WapListing.Benchmarks;

/// <summary>CPU time the app, PostgreSQL (all its processes) and this benchmark used over a window, from /proc.</summary>
internal sealed class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int _appProcessId;
    private readonly (double App, double Postgres, double Benchmark) _start;
    private readonly DateTime _startedAt = DateTime.UtcNow;

    private CpuMeter(int appProcessId)
    {
        _appProcessId = appProcessId;
        _start = Snapshot();
    }

    public static CpuMeter Start(int appProcessId) => new(appProcessId);

    /// <summary>Cores used on average since the start: app, PostgreSQL, this benchmark.</summary>
    public (double App, double Postgres, double Benchmark) Cores()
    {
        var now = Snapshot();
        var seconds = (DateTime.UtcNow - _startedAt).TotalSeconds;
        return ((now.App - _start.App) / seconds, (now.Postgres - _start.Postgres) / seconds, (now.Benchmark - _start.Benchmark) / seconds);
    }

    private (double App, double Postgres, double Benchmark) Snapshot()
    {
        double app = 0, postgres = 0, benchmark = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var seconds = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                if (pid == _appProcessId)
                {
                    app += seconds;
                }
                else if (pid == Environment.ProcessId)
                {
                    benchmark += seconds;
                }
                else if (File.ReadAllText(Path.Combine(directory, "cmdline")).StartsWith("postgres", StringComparison.Ordinal))
                {
                    postgres += seconds;
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        return (app, postgres, benchmark);
    }
}
