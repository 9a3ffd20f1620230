using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace WapListing.Infrastructure.Data;

public static class StreamedQueries
{
    /// <summary>
    /// Streams the query's rows, never buffered (so never behind a retrying execution strategy). If the reader stops
    /// early — the caller's token fired or its consumer failed — the query is cancelled on the server before the
    /// reader is disposed, so the connection goes back to the pool at once instead of reading the rest of the result.
    /// </summary>
    public static async IAsyncEnumerable<T> StreamWithServerCancellation<T>(this IQueryable<T> query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rows = query.TagWith(CancelStreamedQueriesInterceptor.Tag).AsAsyncEnumerable().GetAsyncEnumerator(abandon.Token);
        var readToEnd = false;
        try
        {
            while (await rows.MoveNextAsync())
            {
                yield return rows.Current;
            }

            readToEnd = true;
        }
        finally
        {
            if (!readToEnd)
            {
                await abandon.CancelAsync();
            }

            try
            {
                await rows.DisposeAsync();
            }
            catch (Exception ex) when (!readToEnd && ex is DbException or OperationCanceledException)
            {
                // The cancelled statement's error ends the reader; the reason the stream stopped is already on its way up.
            }
        }
    }
}
