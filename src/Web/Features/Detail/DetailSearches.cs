using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Search;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Detail;

/// <summary>
/// The pickers of the pairing and ticket panels: CRM records found by name, number or e-mail (accent-insensitive).
/// A search text the database cannot compare (a NUL character, a lone surrogate) finds nothing, like an empty one.
/// </summary>
public sealed class DetailSearches(WapListingDbContext db)
{
    private const int Limit = 20;
    private const int MaxSearchLength = 200;

    public async Task<IReadOnlyList<ContactOption>> ContactsAsync(string? text, CancellationToken cancellationToken)
    {
        text = text?.Trim();
        if (!Searchable(text))
        {
            return [];
        }

        var pattern = TextSearch.ContainsPattern(text);
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        var byNumber = digits.Length >= 3;
        return await db.Contacts.AsNoTracking()
            .Where(c => EF.Functions.Like(TextSearch.Fold(c.Name), TextSearch.Fold(pattern), TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Fold(c.Email), TextSearch.Fold(pattern), TextSearch.Escape)
                || (byNumber && c.PhoneNumbers.Any(n => n.Contains(digits))))
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(Limit)
            .Select(c => new ContactOption(c.Id, c.Name, c.Email, c.PhoneNumbers, c.Company != null ? c.Company.Name : null))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TicketOption>> TicketsAsync(string? text, CancellationToken cancellationToken)
    {
        text = text?.Trim().TrimStart('#');
        if (!Searchable(text))
        {
            return [];
        }

        var pattern = TextSearch.ContainsPattern(text);
        var number = int.TryParse(text, out var n) ? n : -1;
        return await db.Tickets.AsNoTracking()
            .Where(t => t.Number == number || EF.Functions.Like(TextSearch.Fold(t.Title), TextSearch.Fold(pattern), TextSearch.Escape))
            .OrderByDescending(t => t.Number)
            .Take(Limit)
            .Select(t => new TicketOption(t.Id, t.Number, t.Title))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A search text worth sending to the database: not empty, not too long, storable (no NUL, no lone surrogate).</summary>
    private static bool Searchable([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= MaxSearchLength && StorableText.IsStorable(text);
}
