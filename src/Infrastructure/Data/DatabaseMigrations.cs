using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WapListing.Infrastructure.Data;

/// <summary>The one way the app applies its migrations (the <c>migrate</c> command, <c>seed demo</c>, the Development start).</summary>
public static class DatabaseMigrations
{
    /// <summary>
    /// Applies pending migrations. The history table is created first when missing: Npgsql's history repository
    /// otherwise finds out that it is missing by reading it, which EF Core logs as a failed command (an error) on the
    /// very first start over an empty database (npgsql/efcore.pg#3407).
    /// </summary>
    public static async Task ApplyMigrationsAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        var history = database.GetService<IHistoryRepository>();
        await database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await database.MigrateAsync(cancellationToken);
    }
}
