using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;

namespace WapListing.Web.Features.Detail;

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>An attachment, only through an interaction the viewer may see; served with a safe content type.</summary>
public sealed class GetAttachment(WapListingDbContext db)
{
    private static readonly HashSet<string> SafeContentTypes =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "audio/ogg", "audio/mpeg", "video/mp4", "text/plain",
    ];

    public async Task<AttachmentFile?> HandleAsync(ViewerRights rights, long id, CancellationToken cancellationToken)
    {
        var file = await (
                from attachment in db.MessageAttachments
                join message in db.Messages on attachment.MessageId equals message.Id
                join interaction in db.Interactions.VisibleTo(rights) on message.InteractionId equals interaction.Id
                where attachment.Id == id
                select new { attachment.FileName, attachment.ContentType, attachment.Content })
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        if (file?.Content is null)
        {
            return null;
        }

        var contentType = SafeContentTypes.Contains(file.ContentType) ? file.ContentType : "application/octet-stream";
        return new AttachmentFile(file.FileName, contentType, file.Content);
    }
}
