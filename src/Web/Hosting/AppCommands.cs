using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Seeding;

namespace WapListing.Web.Hosting;

/// <summary>
/// Commands run on the app's executable before the web host starts:
/// <c>migrate</c> applies migrations; <c>seed demo</c> adds the demo data (idempotent).
/// </summary>
public static class AppCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "seed";

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
                return 0;
            default:
                Console.Error.WriteLine("Usage: WapListing.Web migrate | seed demo [--refresh]");
                return 2;
        }
    }
}
