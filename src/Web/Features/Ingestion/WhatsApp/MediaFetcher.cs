using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>
/// Fetches the file of one message whose media is still waiting (claimed with <c>FOR UPDATE SKIP LOCKED</c>), stores it
/// in PostgreSQL, or records why it could not — the transcript then says so instead of failing.
/// </summary>
public sealed class MediaFetcher(WapListingDbContext db, GraphApiClient graph, ConnectorSecrets secrets, ILogger<MediaFetcher> logger)
{
    public async Task<bool> FetchNextAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Messages
            .FromSql($"""
                SELECT * FROM messages
                 WHERE pending_media_id IS NOT NULL
                 LIMIT 1
                   FOR UPDATE SKIP LOCKED
                """)
            .Include(m => m.Attachments)
            .ToListAsync(cancellationToken);
        if (claimed is not [var message])
        {
            return false;
        }

        var attachment = message.Attachments.FirstOrDefault();
        var protectedToken = await db.Interactions
            .Where(i => i.Id == message.InteractionId)
            .Select(i => i.Connector!.ProtectedAccessToken)
            .SingleOrDefaultAsync(cancellationToken);
        try
        {
            var accessToken = secrets.Unprotect(protectedToken)
                ?? throw new MediaFetchException(MediaFetchFailure.NoAccessToken);
            var (content, contentType) = await graph.DownloadMediaAsync(message.PendingMediaId!, accessToken, cancellationToken);
            if (attachment is not null)
            {
                attachment.Content = content;
                attachment.Size = content.Length;
                attachment.ContentType = contentType ?? attachment.ContentType;
                attachment.FetchError = null;
            }
        }
        catch (Exception e) when (e is MediaFetchException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = e is MediaFetchException ? e.Message : e is TaskCanceledException ? MediaFetchFailure.TimedOut : MediaFetchFailure.Unreachable;
            logger.LogWarning("Media of message {MessageId} not fetched: {Reason}", message.Id, reason);
            if (attachment is not null)
            {
                attachment.FetchError = reason.Length > 300 ? reason[..300] : reason;
            }
        }

        message.PendingMediaId = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
