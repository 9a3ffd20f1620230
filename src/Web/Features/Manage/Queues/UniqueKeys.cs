using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace WapListing.Web.Features.Manage.Queues;

/// <summary>Unique external keys and ids: checked before saving, and a race lost to another save reads the same as a taken value.</summary>
public static class UniqueKeys
{
    public const string ExternalKeyTaken = "Manage.Queues.ExternalKeyTaken";

    /// <summary>The unique index a failed save ran into, if that is why it failed.</summary>
    public static string? ViolatedIndex(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique ? unique.ConstraintName : null;

    /// <summary>Trimmed; blank is no key.</summary>
    public static string? Normalise(string? key) => string.IsNullOrWhiteSpace(key) ? null : key.Trim();
}
