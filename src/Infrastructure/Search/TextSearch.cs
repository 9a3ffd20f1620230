using System.Collections.Frozen;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace WapListing.Infrastructure.Search;

/// <summary>
/// Case- and accent-insensitive "contains" (DESIGN §5: <c>dvorak</c> finds <c>Dvořák</c>). PostgreSQL 15
/// cannot LIKE under a nondeterministic collation, so text is folded by <c>wl_fold</c> (lower + unaccent,
/// declared IMMUTABLE) and trigram GIN indexes on <c>wl_fold(column)</c> serve the LIKE.
/// </summary>
public static class TextSearch
{
    public const string FoldFunction = "wl_fold";

    /// <summary>Latin letters unaccent folds that Unicode does not decompose into a letter and marks.</summary>
    private static readonly FrozenDictionary<char, string> LettersWithoutDecomposition =
        new (string Letters, string Folded)[]
        {
            ("Ææ", "ae"), ("ÐðĐđ", "d"), ("Ħħ", "h"), ("ı", "i"), ("Ĳĳ", "ij"), ("ĿŀŁł", "l"), ("Øø", "o"), ("Œœ", "oe"),
            ("ßẞ", "ss"), ("ſ", "s"), ("Þþ", "th"), ("Ŧŧ", "t"),
        }
        .SelectMany(group => group.Letters, (group, letter) => (Letter: letter, group.Folded))
        .ToFrozenDictionary(pair => pair.Letter, pair => pair.Folded);

    /// <summary>Translated to <c>wl_fold(text)</c>; never run in memory.</summary>
    public static string Fold(string? text) => throw new InvalidOperationException("Only for queries translated to SQL.");

    /// <summary>The LIKE pattern for a folded "contains" of the user's text.</summary>
    /// <summary>
    /// The escape character of <see cref="ContainsPattern"/>; pass it to <c>EF.Functions.Like</c>, which otherwise tells
    /// PostgreSQL <c>ESCAPE ''</c> and would read <c>\_</c> as two literal characters.
    /// </summary>
    public const string Escape = "\\";

    public static string ContainsPattern(string text) =>
        "%" + FoldInMemory(text).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The app's one case and accent fold in C# (search texts, demo user names and e-mails). It must stay
    /// equivalent to the SQL function <c>wl_fold</c> (migration TextSearch: <c>lower(unaccent(text))</c> with
    /// PostgreSQL's unaccent.rules): a Latin letter with diacritics becomes its base letter (ř → r, Ł → l, ß → ss),
    /// the combining marks unaccent drops (U+0300–U+0362) go, then everything is lower-cased. Letters of other
    /// scripts keep their marks, as unaccent keeps most of them; where unaccent folds more (rare phonetic letters,
    /// symbols) queries still match, because they fold the pattern with wl_fold again.
    /// </summary>
    public static string FoldInMemory(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAscii(c) || char.IsSurrogate(c))
            {
                folded.Append(c);
            }
            else if (c is >= '\u0300' and <= '\u0362')
            {
                // A combining diacritic of decomposed text.
            }
            else if (LettersWithoutDecomposition.TryGetValue(c, out var replacement))
            {
                folded.Append(replacement);
            }
            else
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                folded.Append(char.IsAsciiLetter(decomposed[0]) ? decomposed[0] : c);
            }
        }

        return folded.ToString().ToLowerInvariant();
    }

    public static void Register(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(Fold))!).HasName(FoldFunction).IsBuiltIn(false);
}
