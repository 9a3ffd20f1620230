using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Seeding;
using WapListing.Web.Simulation;

namespace WapListing.Web.Hosting;

/// <summary>
/// Commands run on the app's executable before the web host starts:
/// <c>migrate</c> applies migrations; <c>seed demo</c> adds the demo data and the demo integration secrets (idempotent).
/// <c>simulate</c> runs without the web host or a database: it only talks HTTP to a running app.
/// </summary>
public static class AppCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "seed";

    public static bool IsSimulate(string[] args) => args.Length > 0 && args[0] == "simulate";

    public static async Task<int> SimulateAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            return await ContactCentreSimulator.RunCommandAsync(args[1..], Console.Out, stop.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopped.");
            return 1;
        }
    }

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WapListingDbContext>();
        switch (args)
        {
            case ["migrate"]:
                await db.Database.ApplyMigrationsAsync();
                Console.WriteLine("Migrations applied.");
                return 0;
            case ["seed", "demo", ..]:
                await db.Database.ApplyMigrationsAsync();
                var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider);
                var result = await seeder.SeedAsync(refreshIfStale: args.Contains("--refresh"));
                Console.WriteLine($"Demo data: {result}.");
                Console.WriteLine($"Demo integration: {await DemoIntegration.ApplyAsync(scope.ServiceProvider)}.");
                return 0;
            default:
                Console.Error.WriteLine("Usage: WapListing.Web migrate | seed demo [--refresh] | simulate [options]");
                return 2;
        }
    }
}
