using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WapListing.Web.Localization;

namespace WapListing.UnitTests.Localization;

/// <summary>Counted words in Czech (1 řádek, 2 řádky, 5 řádků) and English (1 row, 2 rows).</summary>
public sealed class PluralFormsTests
{
    private static readonly CultureInfo Czech = new("cs");
    private static readonly CultureInfo English = new("en");

    [Theory]
    [InlineData(1, PluralForms.Category.One)]
    [InlineData(2, PluralForms.Category.Few)]
    [InlineData(3, PluralForms.Category.Few)]
    [InlineData(4, PluralForms.Category.Few)]
    [InlineData(0, PluralForms.Category.Other)]
    [InlineData(5, PluralForms.Category.Other)]
    [InlineData(11, PluralForms.Category.Other)]
    [InlineData(12, PluralForms.Category.Other)]
    [InlineData(21, PluralForms.Category.Other)]
    [InlineData(22, PluralForms.Category.Other)]
    [InlineData(1_000_000, PluralForms.Category.Other)]
    public void Czech_has_one_for_1_few_for_2_to_4_and_other_for_the_rest(long count, PluralForms.Category expected) =>
        Assert.Equal(expected, PluralForms.CategoryOf(count, Czech));

    [Theory]
    [InlineData(-1, PluralForms.Category.One)]
    [InlineData(-3, PluralForms.Category.Few)]
    [InlineData(-5, PluralForms.Category.Other)]
    public void A_negative_count_takes_the_form_of_its_size(long count, PluralForms.Category expected) =>
        Assert.Equal(expected, PluralForms.CategoryOf(count, Czech));

    [Theory]
    [InlineData(1, PluralForms.Category.One)]
    [InlineData(0, PluralForms.Category.Other)]
    [InlineData(2, PluralForms.Category.Other)]
    [InlineData(3, PluralForms.Category.Other)]
    [InlineData(21, PluralForms.Category.Other)]
    public void English_has_one_for_1_and_other_for_the_rest(long count, PluralForms.Category expected) =>
        Assert.Equal(expected, PluralForms.CategoryOf(count, English));

    [Fact]
    public void A_culture_without_rules_of_its_own_counts_like_English()
    {
        Assert.Equal(PluralForms.Category.One, PluralForms.CategoryOf(1, new CultureInfo("de")));
        Assert.Equal(PluralForms.Category.Other, PluralForms.CategoryOf(3, new CultureInfo("de")));
    }

    [Theory]
    [InlineData(1, "1 řádek")]
    [InlineData(2, "2 řádky")]
    [InlineData(4, "4 řádky")]
    [InlineData(5, "5 řádků")]
    [InlineData(0, "0 řádků")]
    [InlineData(22, "22 řádků")]
    [InlineData(1_000, "1 000 řádků")]
    public void Czech_rows_are_counted_with_the_right_word_form(long count, string expected) =>
        Assert.Equal(expected, Culture.In("cs-CZ", () => Rows(count)));

    [Theory]
    [InlineData(1, "1 row")]
    [InlineData(2, "2 rows")]
    [InlineData(5, "5 rows")]
    [InlineData(1_000, "1,000 rows")]
    public void English_rows_are_counted_with_the_right_word_form(long count, string expected) =>
        Assert.Equal(expected, Culture.In("en-US", () => Rows(count)));

    [Fact]
    public void A_missing_form_falls_back_to_other()
    {
        var localizer = new DictionaryLocalizer(new() { ["Things.One"] = "{0} thing", ["Things.Other"] = "{0} things (other)" });

        Assert.Equal("3 things (other)", Culture.In("cs-CZ", () => localizer.Plural("Things", 3)));
        Assert.Equal("1 thing", Culture.In("cs-CZ", () => localizer.Plural("Things", 1)));
    }

    /// <summary>The app's own resources, the way the app resolves them.</summary>
    private static string Rows(long count)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var localizer = factory.Create(typeof(SharedResource));
        return localizer.Plural("Listing.Rows", count).Replace('\u00A0', ' ').Replace('\u202F', ' ');
    }

    private sealed class DictionaryLocalizer(Dictionary<string, string> strings) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            strings.TryGetValue(name, out var value) ? new(name, value) : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            strings.Select(s => new LocalizedString(s.Key, s.Value));
    }
}
