using System.Globalization;
using WapListing.Benchmarks;

// On-demand benchmarks (never part of the tests). The app runs as its own Release process against a private cluster.
//   dotnet run -c Release --project benchmarks/Benchmarks -- export [rows...]   (default 50000 500000)
//   dotnet run -c Release --project benchmarks/Benchmarks -- listing [rows] [requests]  (default 10000000 50)
//   dotnet run -c Release --project benchmarks/Benchmarks -- detail [rows] [requests]   (default 10000000 50)
//   dotnet run -c Release --project benchmarks/Benchmarks -- listing-fill [rows]  (only makes the database of that size)
//   dotnet run -c Release --project benchmarks/Benchmarks -- ingest [seconds] [webhooks/s] [events/s] [clients]  (default 60 600 5000 50;
//        a rate of 0 sends as fast as the app answers, a negative one sends none of that kind)
var mode = args.FirstOrDefault() ?? "export";
var numbers = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
var root = FindRoot();
var webDll = AppProcess.BuildWebApp(root);
switch (mode)
{
    case "export":
        await ExportBenchmark.RunAsync(root, webDll, numbers.Length > 0 ? numbers : [50_000, 500_000]);
        break;
    case "listing-fill":
        await ListingBenchmark.PrepareAsync(root, numbers.Length > 0 ? numbers[0] : 10_000_000);
        break;
    case "listing":
        await ListingBenchmark.RunAsync(root, webDll, numbers.Length > 0 ? numbers[0] : 10_000_000, numbers.Length > 1 ? numbers[1] : 50);
        break;
    case "detail":
        await ListingBenchmark.RunDetailAsync(root, webDll, numbers.Length > 0 ? numbers[0] : 10_000_000, numbers.Length > 1 ? numbers[1] : 50);
        break;
    case "ingest":
        var defaults = new IngestLoad();
        await IngestBenchmark.RunAsync(root, webDll, new IngestLoad(
            Seconds: numbers.Length > 0 ? numbers[0] : defaults.Seconds,
            WebhookRate: numbers.Length > 1 ? numbers[1] : defaults.WebhookRate,
            EventRate: numbers.Length > 2 ? numbers[2] : defaults.EventRate,
            Clients: numbers.Length > 3 ? numbers[3] : defaults.Clients));
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{mode}': use 'export', 'listing' or 'ingest'.");
        return 2;
}

return 0;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "WapListing.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
