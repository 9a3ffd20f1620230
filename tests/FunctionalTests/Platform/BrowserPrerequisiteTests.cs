using WapListing.FunctionalTests.Infrastructure.Browser;

namespace WapListing.FunctionalTests.Platform;

/// <summary>A machine without Chromium skips browser tests with a reason; CI without Chromium fails them.</summary>
public sealed class BrowserPrerequisiteTests
{
    [Fact]
    public void Without_chromium_browser_tests_are_skipped_with_the_reason_outside_ci()
    {
        var reason = BrowserFactAttribute.SkipReason(browserAvailable: false, onCi: false);
        Assert.NotNull(reason);
        Assert.Contains(SharedBrowser.ChromiumPath, reason, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Browser_tests_run_where_chromium_exists_and_always_on_ci(bool browserAvailable, bool onCi) =>
        Assert.Null(BrowserFactAttribute.SkipReason(browserAvailable, onCi));

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Ci_means_the_ci_variable_set_to_true(string? value, bool expected) =>
        Assert.Equal(expected, SharedBrowser.MeansCi(value));

    [Fact]
    public async Task On_ci_a_missing_chromium_fails_the_test_instead_of_downloading_one()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => SharedBrowser.LaunchAsync("/nonexistent/chromium"));
        Assert.Contains("/nonexistent/chromium", failure.Message, StringComparison.Ordinal);
    }
}
