using Microsoft.Extensions.Options;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Platform;

/// <summary>Settings are options classes validated when the app starts: a value out of range stops the start, naming the setting.</summary>
public sealed class SettingsValidationTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>
{
    [Theory]
    [InlineData("Listing:CountCap", "0", "CountCap")]
    [InlineData("Export:MaxConcurrentExports", "0", "MaxConcurrentExports")]
    [InlineData("Export:XlsxRowLimit", "2000000", "XlsxRowLimit")]
    [InlineData("RateLimiting:LoginPermitsPerMinute", "-1", "LoginPermitsPerMinute")]
    [InlineData("Security:HttpsPort", "70000", "HttpsPort")]
    public void A_setting_out_of_range_stops_the_start(string key, string value, string property)
    {
        using var app = new WapListingAppFactory(database.ConnectionString).WithSettings((key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(property, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_settings_start_the_app()
    {
        using var app = new WapListingAppFactory(database.ConnectionString).WithSettings(("Listing:CountCap", "500"), ("Export:MaxConcurrentExports", "3"));

        var response = await app.CreateClient().GetAsync("/health/live");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
