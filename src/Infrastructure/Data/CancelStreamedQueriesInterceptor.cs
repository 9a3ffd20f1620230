using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WapListing.Infrastructure.Data;

/// <summary>
/// Cancels a streamed query on the server as soon as its caller's token fires. Without it, a reader left early
/// (an export whose client went away) is disposed by reading the rest of its result, which for millions of rows
/// keeps the query and its pooled connection busy for minutes. Only queries tagged with <see cref="Tag"/> take part.
/// </summary>
public sealed class CancelStreamedQueriesInterceptor : DbCommandInterceptor
{
    public const string Tag = "streamed: cancel on the server when the caller goes away";

    public static readonly CancelStreamedQueriesInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbCommand, StrongBox<CancellationTokenRegistration>> _registrations = [];

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.CanBeCanceled && command.CommandText.Contains(Tag, StringComparison.Ordinal))
        {
            var registration = cancellationToken.Register(static state => ((DbCommand)state!).Cancel(), command);
            _registrations.AddOrUpdate(command, new StrongBox<CancellationTokenRegistration>(registration));
        }

        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Unregister(command);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Unregister(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Unregister(command);
        return result;
    }

    private void Unregister(DbCommand command)
    {
        if (_registrations.TryGetValue(command, out var registration))
        {
            registration.Value.Dispose();
            _registrations.Remove(command);
        }
    }
}
