using Microsoft.Extensions.Time.Testing;

namespace WapListing.FunctionalTests.Infrastructure;

public static class TestClock
{
    /// <summary>The instant demo data is seeded at and the app's "now" in tests: a Wednesday afternoon in Prague.</summary>
    public static readonly DateTimeOffset DemoNow = new(2026, 11, 25, 14, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider At(DateTimeOffset now) => new(now) { AutoAdvanceAmount = TimeSpan.Zero };
}
