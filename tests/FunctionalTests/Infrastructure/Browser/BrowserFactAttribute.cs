namespace WapListing.FunctionalTests.Infrastructure.Browser;

/// <summary>
/// A browser test. Skipped with the reason printed where no Chromium is installed, except on CI
/// (CI=true), where a missing browser must fail the run instead of hiding it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!SharedBrowser.IsAvailable && !SharedBrowser.IsCi)
        {
            Skip = $"No Chromium at {SharedBrowser.ChromiumPath} (apt-get install chromium); browser tests skipped.";
        }
    }
}
