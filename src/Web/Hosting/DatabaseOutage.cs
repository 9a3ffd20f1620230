using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace WapListing.Web.Hosting;

/// <summary>Tells a database that cannot be reached apart from other failures, so users get a 503 page.</summary>
public static class DatabaseOutage
{
    private const string OutageKey = "waplisting.database-outage";

    /// <summary>
    /// Notes an outage seen while authenticating. The cookie handler caches its result for the request,
    /// so throwing there would fail the error page too; the guard after authentication throws instead.
    /// </summary>
    public static void Record(HttpContext context, Exception exception) => context.Items[OutageKey] = exception;

    public static IApplicationBuilder UseDatabaseOutageGuard(this IApplicationBuilder app) =>
        app.Use((context, next) =>
            context.Items.TryGetValue(OutageKey, out var cause) && context.Features.Get<IExceptionHandlerFeature>() is null
                ? throw new DatabaseUnavailableException((Exception)cause!)
                : next(context));

    public static bool IsCause(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    // 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; class 08: connection exceptions.
                    return postgres.SqlState is "57P01" or "57P02" or "57P03" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case DatabaseUnavailableException:
                    return true;
            }
        }

        return false;
    }
}
