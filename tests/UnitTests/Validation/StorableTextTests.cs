using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WapListing.Web.Features.Listing.Criteria;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.UnitTests.Validation;

/// <summary>
/// Text PostgreSQL cannot store or compare (NUL, lone UTF-16 surrogates) is recognised before it reaches the database:
/// request records refuse it, and the listing's filters (which never fail) drop it with a notice. Lone surrogates cannot
/// travel in a URL (the server decodes invalid UTF-8 to other text), so the parser is checked with them directly.
/// </summary>
public sealed class StorableTextTests
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Theory]
    [InlineData("")]
    [InlineData("Dvořák")]
    [InlineData("emoji 😀 pair")]
    [InlineData("tab\tand\nnewline")]
    public void Ordinary_text_is_storable(string text) => Assert.True(StorableText.IsStorable(text));

    [Fact]
    public void Nul_and_lone_surrogates_are_not_storable()
    {
        // Built in code: lone surrogates in attribute data would not survive the test runner's serialization.
        string[] texts = ["\0", "a\0b", "\uD800", "a\uD800b", "\uDC00", "x\uDC00\uD800", "end\uD83D"];

        Assert.All(texts, text => Assert.False(StorableText.IsStorable(text), $"U+{string.Join(" U+", text.Select(c => ((int)c).ToString("X4")))}"));
    }

    [Fact]
    public void The_attribute_checks_texts_and_lists_of_texts()
    {
        var attribute = new StorableTextAttribute();

        Assert.True(attribute.IsValid(null));
        Assert.True(attribute.IsValid("ok"));
        Assert.False(attribute.IsValid("a\0"));
        Assert.True(attribute.IsValid(new[] { "a", null, "b" }));
        Assert.False(attribute.IsValid(new[] { "a", "\uDC00" }));
    }

    [Fact]
    public void Shortening_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 199) + "😀";

        var shortened = StorableText.Shorten(text, 200);

        Assert.Equal(new string('a', 199), shortened);
        Assert.Equal("abc", StorableText.Shorten("abcdef", 3));
        Assert.Equal("ab", StorableText.Shorten("ab", 3));
    }

    [Fact]
    public void The_listing_drops_filter_texts_and_picked_names_with_lone_surrogates_with_a_notice()
    {
        var parameters = new ListingParameters
        {
            Contact = "Nov\uD800ák",
            Transcript = "\uDC00",
            WhatsAppContact = "Eva",
            Name = "wap_1\uD83D",
            Selected = ["wap_ok", "wap_\uD800", "wap_a\0b"],
        };
        var notices = new List<string>();

        var criteria = Parser().Parse(parameters, Prague, new DateOnly(2026, 3, 29), "en", notices);

        Assert.Null(criteria.Contact);
        Assert.Null(criteria.Transcript);
        Assert.Null(criteria.Name);
        Assert.Equal("Eva", criteria.WhatsAppContact);
        Assert.Equal(["wap_ok"], criteria.Selected);
        Assert.Contains("A filter value contained characters that cannot be searched for; it was ignored.", notices);
    }

    [Fact]
    public void A_long_filter_text_is_shortened_without_leaving_half_an_emoji()
    {
        var notices = new List<string>();

        var criteria = Parser().Parse(new ListingParameters { Contact = new string('a', 199) + "😀" }, Prague, new DateOnly(2026, 3, 29), "en", notices);

        Assert.True(StorableText.IsStorable(criteria.Contact));
        Assert.Equal(new string('a', 199), criteria.Contact);
    }

    private static ListingCriteriaParser Parser() =>
        new(new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)));
}
