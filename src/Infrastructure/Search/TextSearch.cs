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

    /// <summary>Translated to <c>wl_fold(text)</c>; never run in memory.</summary>
    public static string Fold(string? text) => throw new InvalidOperationException("Only for queries translated to SQL.");

    /// <summary>The LIKE pattern for a folded "contains" of the user's text.</summary>
    public static string ContainsPattern(string text) =>
        "%" + FoldInMemory(text).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>The same folding as wl_fold, for the search text itself.</summary>
    public static string FoldInMemory(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var kept = decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant();
    }

    public static void Register(ModelBuilder builder) =>
        builder.HasDbFunction(typeof(TextSearch).GetMethod(nameof(Fold))!).HasName(FoldFunction).IsBuiltIn(false);
}
