using WapListing.Infrastructure.Search;

namespace WapListing.UnitTests.Search;

/// <summary>
/// The in-memory fold of search texts, equivalent to the database's <c>wl_fold</c> (lower + unaccent):
/// <c>dvorak</c> finds <c>Dvořák</c>.
/// </summary>
public sealed class TextFoldTests
{
    [Theory]
    [InlineData("Dvořák", "dvorak")]
    [InlineData("Příliš žluťoučký kůň úpěl ďábelské ódy", "prilis zlutoucky kun upel dabelske ody")]
    [InlineData("ŠŤASTNÁ Řezníčková", "stastna reznickova")]
    [InlineData("Jürgen Müller", "jurgen muller")]
    [InlineData("Chloé Dubois", "chloe dubois")]
    [InlineData("Ana Šimić", "ana simic")]
    public void Czech_and_other_Latin_letters_lose_their_accents_and_case(string text, string expected) =>
        Assert.Equal(expected, TextSearch.FoldInMemory(text));

    [Theory]
    [InlineData("Łukasz Nowak", "lukasz nowak")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("Đurić", "duric")]
    public void Latin_letters_that_do_not_decompose_fold_as_unaccent_folds_them(string text, string expected) =>
        Assert.Equal(expected, TextSearch.FoldInMemory(text));

    [Fact]
    public void Decomposed_text_folds_like_composed_text() =>
        Assert.Equal("dvorak", TextSearch.FoldInMemory("Dvor\u030Ca\u0301k"));

    [Theory]
    [InlineData("Андрей", "андрей")]
    [InlineData("Ελένη", "ελένη")]
    public void Letters_of_other_scripts_keep_their_marks_as_unaccent_keeps_them(string text, string expected) =>
        Assert.Equal(expected, TextSearch.FoldInMemory(text));

    [Theory]
    [InlineData("😀 Ahoj 👍", "😀 ahoj 👍")]
    [InlineData("=SUM(1,1) 50% a_b", "=sum(1,1) 50% a_b")]
    [InlineData("", "")]
    public void Digits_symbols_and_emoji_stay_as_they_are(string text, string expected) =>
        Assert.Equal(expected, TextSearch.FoldInMemory(text));

    [Fact]
    public void A_contains_pattern_folds_the_text_and_escapes_the_like_wildcards() =>
        Assert.Equal(@"%50\% \_radku\\%", TextSearch.ContainsPattern(@"50% _Řádků\"));
}
