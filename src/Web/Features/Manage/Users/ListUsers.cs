using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Search;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Manage.Users;

public sealed record ListUsersRequest
{
    /// <summary>Part of the display name or login, any case, with or without diacritics.</summary>
    [FromQuery(Name = "q")]
    [StringLength(UserSettings.MaxDisplayNameLength, ErrorMessage = ValidationMessages.TooLong)]
    [StorableText]
    [Display(Name = "Manage.Users.Search")]
    public string? Q { get; init; }

    /// <summary>"1" shows the deactivated users too.</summary>
    [FromQuery(Name = "deactivated")]
    [StringLength(1, ErrorMessage = ValidationMessages.TooLong)]
    public string? Deactivated { get; init; }

    [FromQuery(Name = "page")]
    [Range(1, 100_000, ErrorMessage = ValidationMessages.OutOfRange)]
    [Display(Name = "Manage.Users.Page")]
    public int? Page { get; init; }

    public bool IncludeDeactivated => Deactivated == "1";
}

public sealed record UserListRow(int Id, string UserName, string DisplayName, UserRole Role, bool IsActive, string TimeZoneId, string? Language);

public sealed record UserListPage(ListUsersRequest Request, IReadOnlyList<UserListRow> Rows, int Total, int Page, int PageCount);

/// <summary>Manage → Users: the users found by name or login, active ones unless asked, in the viewer's alphabet, 50 a page.</summary>
public sealed class ListUsers(WapListingDbContext db)
{
    public const int PageSize = 50;

    public async Task<UserListPage> HandleAsync(ListUsersRequest request, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!request.IncludeDeactivated)
        {
            users = users.Where(u => u.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var pattern = TextSearch.ContainsPattern(request.Q.Trim());
            // Npgsql writes ESCAPE '' unless told otherwise, and the pattern escapes % and _ with backslashes.
            users = users.Where(u => EF.Functions.Like(TextSearch.Fold(u.DisplayName), TextSearch.Fold(pattern), TextSearch.Escape)
                || EF.Functions.Like(TextSearch.Fold(u.UserName), TextSearch.Fold(pattern), TextSearch.Escape));
        }

        var total = await users.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Min(request.Page ?? 1, pageCount);
        var collation = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cs" ? "cs-x-icu" : "und-x-icu";
        var rows = await users
            .OrderBy(u => EF.Functions.Collate(u.DisplayName, collation))
            .ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new UserListRow(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Role, u.IsActive, u.TimeZoneId, u.Language))
            .ToListAsync(cancellationToken);
        return new UserListPage(request, rows, total, page, pageCount);
    }
}
