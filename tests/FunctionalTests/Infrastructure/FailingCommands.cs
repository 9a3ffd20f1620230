using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>
/// Makes the app's database commands fail on demand, the way a server going away or a bug would,
/// without stopping the shared test cluster. Only commands whose SQL contains <see cref="Fragment"/> fail.
/// </summary>
public sealed class FailingCommands : DbCommandInterceptor
{
    private volatile Func<Exception>? _failure;

    public string Fragment { get; private set; } = string.Empty;

    public void FailWith(string sqlFragment, Func<Exception> failure)
    {
        Fragment = sqlFragment;
        _failure = failure;
    }

    public void Heal() => _failure = null;

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        ThrowIfFailing(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing(command);
        return ValueTask.FromResult(result);
    }

    private void ThrowIfFailing(DbCommand command)
    {
        if (_failure is { } failure && command.CommandText.Contains(Fragment, StringComparison.Ordinal))
        {
            throw failure();
        }
    }
}

public static class FailingCommandsHosting
{
    /// <summary>The same app (settings, database) whose database commands fail on <paramref name="failing"/>'s demand.</summary>
    public static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithFailingCommands(this WapListingAppFactory factory, FailingCommands failing) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<WapListing.Infrastructure.Data.WapListingDbContext>(options => options.AddInterceptors(failing))));
}
