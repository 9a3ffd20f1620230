using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WapListing.Web.Features.Ingestion.WhatsApp;
using WapListing.Web.Localization;

namespace WapListing.UnitTests.WhatsApp;

public class MediaFetchFailureTests
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData("en-US", "too-large:16777216", "too large, the limit is 16,777,216 bytes")]
    [InlineData("cs-CZ", "too-large:16777216", "příliš velký soubor, limit je 16 777 216 bajtů")]
    [InlineData("en-US", "download-status:404", "the download answered 404")]
    [InlineData("cs-CZ", "no-access-token", "konektor nemá přístupový token pro Graph API")]
    [InlineData("cs-CZ", "Something stored before the codes", "Something stored before the codes")]
    public void A_stored_reason_reads_in_the_readers_language(string culture, string stored, string expected)
    {
        var described = Culture.In(culture, () => MediaFetchFailure.Describe(stored, Localizer)).Replace('\u00A0', ' ').Replace('\u202F', ' ');

        Assert.Equal(expected, described);
    }

    [Fact]
    public void Every_reason_the_fetcher_stores_has_words_in_both_languages()
    {
        string[] codes =
        [
            MediaFetchFailure.NoAccessToken, MediaFetchFailure.GraphStatus, MediaFetchFailure.NotDescribed, MediaFetchFailure.TooLarge,
            MediaFetchFailure.NoUrl, MediaFetchFailure.DownloadStatus, MediaFetchFailure.TimedOut, MediaFetchFailure.Unreachable,
        ];
        foreach (var culture in new[] { "en-US", "cs-CZ" })
        {
            foreach (var code in codes)
            {
                Assert.NotEqual(code, Culture.In(culture, () => MediaFetchFailure.Describe(code, Localizer)));
            }
        }

        Assert.NotEqual(
            Culture.In("en-US", () => MediaFetchFailure.Describe(MediaFetchFailure.TimedOut, Localizer)),
            Culture.In("cs-CZ", () => MediaFetchFailure.Describe(MediaFetchFailure.TimedOut, Localizer)));
    }
}
