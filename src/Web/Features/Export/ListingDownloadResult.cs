using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace WapListing.Web.Features.Export;

/// <summary>Sends a <see cref="ListingDownload"/> as an attachment (a <c>filename*</c> with diacritics works), streaming it into the response.</summary>
public sealed class ListingDownloadResult(ListingDownload download) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        using (download)
        {
            var response = context.HttpContext.Response;
            response.ContentType = download.ContentType;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(download.FileName);
            response.Headers.ContentDisposition = disposition.ToString();
            await download.WriteAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }
}
