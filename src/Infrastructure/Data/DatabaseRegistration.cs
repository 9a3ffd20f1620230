using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace WapListing.Infrastructure.Data;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "WapListing";

    public static IServiceCollection AddWapListingDatabase(this IServiceCollection services, string connectionString)
    {
        services.AddDbContext<WapListingDbContext>(options => Configure(options, connectionString));
        return services;
    }

    /// <summary>Statements each connection prepares once it has seen them often (unless the connection string says otherwise).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(Tuned(connectionString), npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(CancelStreamedQueriesInterceptor.Instance);

    /// <summary>
    /// The connection settings the app runs best with, unless the connection string sets them itself: the app sends the
    /// same few statements thousands of times (webhooks, events, the listing), so each connection prepares them once;
    /// and it keeps no session state (its locks and settings are transaction-scoped), so a connection returned to the
    /// pool is not reset with three more statements; PostgreSQL's JIT is off and prepared statements get custom plans.
    /// </summary>
    public static string Tuned(string connectionString) => TunedConnectionStrings.GetOrAdd(connectionString, Tune);

    private static readonly ConcurrentDictionary<string, string> TunedConnectionStrings = new(StringComparer.Ordinal);

    private static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        // The app's statements are short index walks; PostgreSQL's JIT compiles the costlier ones (a sort over a long
        // range) for tens to hundreds of milliseconds before running them, more than it saves (docs/benchmarks.md).
        if (!connectionString.Contains("jit", StringComparison.OrdinalIgnoreCase))
        {
            AddOption(builder, "-c jit=off");
        }

        var reusingPlans = builder.ConnectionString;

        // Prepared statements are planned for their parameters every time: one listing statement serves Today and a whole
        // year, and a generic plan good for one is ten times slower for the other (docs/benchmarks.md). Planning costs
        // about a millisecond; parsing is still saved. Ingestion opts out (ReusePreparedPlans).
        if (!connectionString.Contains("plan_cache_mode", StringComparison.OrdinalIgnoreCase))
        {
            AddOption(builder, "-c plan_cache_mode=force_custom_plan");
        }

        PlanReusingConnectionStrings[builder.ConnectionString] = reusingPlans;
        return builder.ConnectionString;
    }

    private static readonly ConcurrentDictionary<string, string> PlanReusingConnectionStrings = new(StringComparer.Ordinal);

    /// <summary>
    /// Lets PostgreSQL keep the generic plans of the statements this context prepares, instead of planning each run for its
    /// values (the app's default, for the listing). Ingestion sends the same inserts and by-key reads thousands of times a
    /// second, and their plans do not depend on the values: planning them every time halved the events API's throughput
    /// (docs/benchmarks.md). Takes effect on the next connection the context opens; a context already connected is left as
    /// it is.
    /// </summary>
    public static void ReusePreparedPlans(this WapListingDbContext db)
    {
        if (db.Database.GetDbConnection().State == System.Data.ConnectionState.Closed
            && db.Database.GetConnectionString() is { } current
            && PlanReusingConnectionStrings.TryGetValue(current, out var reusing)
            && reusing != current)
        {
            db.Database.SetConnectionString(reusing);
        }
    }

    private static void AddOption(NpgsqlConnectionStringBuilder builder, string option) =>
        builder.Options = string.IsNullOrEmpty(builder.Options) ? option : builder.Options + " " + option;
}
