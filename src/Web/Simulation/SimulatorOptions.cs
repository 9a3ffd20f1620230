using System.Globalization;

namespace WapListing.Web.Simulation;

/// <summary>
/// What <c>simulate</c> plays against: every option has a default that works against the demo app started by the README's
/// first command (<see cref="DemoIntegration"/>'s documented secrets and keys).
/// </summary>
public sealed record SimulatorOptions
{
    public const string Usage =
        "Usage: WapListing.Web simulate [--base-url http://localhost:5080] [--key <ingest API key>] [--app-secret demo-app-secret] [--seconds 60] [--rate 2]";

    public Uri BaseUrl { get; init; } = new("http://localhost:5080");
    public string Key { get; init; } = DemoIntegration.ApiKeySecret;
    public string AppSecret { get; init; } = DemoIntegration.AppSecret;
    /// <summary>How long new chats keep arriving; chats already started are played to their end afterwards.</summary>
    public double Seconds { get; init; } = 60;
    /// <summary>New chats per second.</summary>
    public double Rate { get; init; } = 2;
    public IReadOnlyList<SimulatedLine> Lines { get; init; } = DemoIntegration.Lines.Select(l => l.Line).ToArray();
    public IReadOnlyList<string> Agents { get; init; } = DemoIntegration.AgentKeys;
    public string TransferQueueKey { get; init; } = DemoIntegration.TransferQueueKey;
    /// <summary>Real time between the phases of one chat (so the webhook inbox has stored a chat before its events close it).</summary>
    public TimeSpan PhaseDelay { get; init; } = TimeSpan.FromSeconds(1.5);
    public int? Seed { get; init; }

    /// <summary>The options of the command line, or the error to print.</summary>
    public static (SimulatorOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--base-url" when Uri.TryCreate(value, UriKind.Absolute, out var url):
                    options = options with { BaseUrl = url };
                    break;
                case "--key":
                    options = options with { Key = value };
                    break;
                case "--app-secret":
                    options = options with { AppSecret = value };
                    break;
                case "--seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { Seconds = seconds };
                    break;
                case "--rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0:
                    options = options with { Rate = rate };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                default:
                    return (null, $"Unknown option or bad value: {name} {value}");
            }
        }

        return (options, null);
    }
}
