using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace WapListing.Infrastructure.Data;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "WapListing";

    public static IServiceCollection AddWapListingDatabase(this IServiceCollection services, string connectionString)
    {
        services.AddDbContext<WapListingDbContext>(options => Configure(options, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(CancelStreamedQueriesInterceptor.Instance);
}
