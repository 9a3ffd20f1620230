using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Detail;

public sealed record GetAttachmentRequest(long Id);

/// <summary>An attachment, only through an interaction the viewer may see; served with a safe content type.</summary>
public sealed class GetAttachment(WapListingDbContext db, CurrentViewer viewer)
{
    private static readonly HashSet<string> SafeContentTypes =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "audio/ogg", "audio/mpeg", "video/mp4", "text/plain",
    ];

    public async Task<AttachmentFile?> HandleAsync(GetAttachmentRequest request, CancellationToken cancellationToken)
    {
        var rights = await viewer.GetRightsAsync(cancellationToken);
        var file = await (
                from attachment in db.MessageAttachments
                join message in db.Messages on attachment.MessageId equals message.Id
                join interaction in db.Interactions.VisibleTo(rights) on message.InteractionId equals interaction.Id
                where attachment.Id == request.Id
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
