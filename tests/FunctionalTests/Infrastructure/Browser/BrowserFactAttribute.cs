namespace WapListing.FunctionalTests.Infrastructure.Browser;

/// <summary>
/// A browser test. Skipped with the reason printed where no Chromium is installed, except on CI
/// (CI=true), where a missing browser must fail the run instead of hiding it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = SkipReason(SharedBrowser.IsAvailable, SharedBrowser.IsCi);

    /// <summary>Why the test is skipped, or null when it runs (and, on CI without a browser, fails in <see cref="SharedBrowser.GetAsync"/>).</summary>
    public static string? SkipReason(bool browserAvailable, bool onCi) =>
        browserAvailable || onCi
            ? null
            : $"No Chromium at {SharedBrowser.ChromiumPath} (apt-get install chromium); browser tests skipped.";
}
