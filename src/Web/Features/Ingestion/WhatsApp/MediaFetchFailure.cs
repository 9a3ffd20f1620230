using Microsoft.Extensions.Localization;

namespace WapListing.Web.Features.Ingestion.WhatsApp;

/// <summary>A media file the Graph API did not give us, and why, as a code (and a number) the transcript puts in the reader's language.</summary>
public sealed class MediaFetchException(string code, long? number = null) : Exception(MediaFetchFailure.Stored(code, number));

/// <summary>
/// Why a media file was not fetched, stored in <c>MessageAttachment.FetchError</c> as <c>code</c> or <c>code:number</c>
/// (<c>too-large:16777216</c>, <c>download-status:404</c>) and described in each reader's language
/// (resources <c>Message.MediaFailure.&lt;code&gt;</c>).
/// </summary>
public static class MediaFetchFailure
{
    public const string NoAccessToken = "no-access-token";
    public const string GraphStatus = "graph-status";
    public const string NotDescribed = "not-described";
    public const string TooLarge = "too-large";
    public const string NoUrl = "no-url";
    public const string DownloadStatus = "download-status";
    public const string TimedOut = "timed-out";
    public const string Unreachable = "unreachable";

    public static string Stored(string code, long? number = null) =>
        number is null ? code : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{code}:{number}");

    /// <summary>The stored reason in the reader's language; a reason stored before codes existed is shown as it is.</summary>
    public static string Describe(string? stored, IStringLocalizer localizer)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return string.Empty;
        }

        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var (code, number) = colon < 0 ? (stored, string.Empty) : (stored[..colon], stored[(colon + 1)..]);
        var described = localizer["Message.MediaFailure." + code, long.TryParse(number, out var n) ? n.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) : number];
        return described.ResourceNotFound ? stored : described.Value;
    }
}
