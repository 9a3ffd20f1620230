using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Time;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Manage.Audit;

/// <summary>
/// The audit log's filters as the query string carries them; all text, so a bad value becomes a notice, not an
/// error page. <see cref="Older"/>/<see cref="Newer"/> are page cursors (an entry's time and id).
/// </summary>
public sealed record AuditLogRequest
{
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? Prefix { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Older { get; init; }
    public string? Newer { get; init; }
}

/// <summary>The filters that were understood (invalid ones dropped), to fill the form and build page links.</summary>
public sealed record AuditLogFilter(int? ActorId, string? Action, string? Prefix, DateOnly? From, DateOnly? To);

public sealed record AuditLogRow(long Id, string Time, int? ActorId, string Action, string? Detail);

public sealed record AuditActorOption(int Id, string DisplayName, string? UserName, bool IsActive);

public sealed record AuditLogPage(
    AuditLogFilter Filter,
    IReadOnlyList<AuditLogRow> Rows,
    IReadOnlyDictionary<int, AuditActorOption> Actors,
    IReadOnlyList<AuditActorOption> ActorOptions,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Notices,
    string? OlderCursor,
    string? NewerCursor,
    string TimeZoneId);

/// <summary>
/// Manage → Audit log (DESIGN §8): who did what when, newest first, filtered by actor, action (exact or by prefix)
/// and days in the viewer's zone, paged by keyset on (time, id) so deep pages cost what the first one does.
/// Details are shown as indented JSON text.
/// </summary>
public sealed partial class GetAuditLog(WapListingDbContext db, CurrentViewer viewer, IStringLocalizer<SharedResource> localizer)
{
    public const int PageSize = 50;

    private static readonly JsonSerializerOptions IndentedJson = new()
    {
        WriteIndented = true,
        // The page HTML-encodes the text; here only readability matters (Czech letters, <, > as they are).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<AuditLogPage> HandleAsync(AuditLogRequest request, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        var zone = viewer.TimeZone;
        var actorId = ReadActor(request.Actor, notices);
        var action = ReadCode(request.Action, "Manage.Audit.Action", notices);
        var prefix = ReadCode(request.Prefix, "Manage.Audit.Prefix", notices);
        var from = ReadDate(request.From, "Manage.Audit.From", notices);
        var to = ReadDate(request.To, "Manage.Audit.To", notices);
        if (from > to)
        {
            notices.Add(localizer["Manage.Audit.ReversedRange"]);
            from = to = null;
        }

        var query = db.AuditEntries.AsNoTracking();
        if (actorId is { } actor)
        {
            query = query.Where(a => a.UserId == actor);
        }

        if (action is not null)
        {
            query = query.Where(a => a.Action == action);
        }

        if (prefix is not null)
        {
            query = query.Where(a => a.Action.StartsWith(prefix));
        }

        if (from is { } firstDay)
        {
            var start = LocalDay.Range(firstDay, firstDay, zone).From;
            query = query.Where(a => a.Time >= start);
        }

        if (to is { } lastDay)
        {
            var end = LocalDay.Range(lastDay, lastDay, zone).To;
            query = query.Where(a => a.Time < end);
        }

        var older = ReadCursor(request.Older, notices);
        var newer = older is null ? ReadCursor(request.Newer, notices) : null;
        List<Entry> entries;
        bool hasOlder, hasNewer;
        if (newer is { } after)
        {
            var (newerTime, newerId) = after;
            entries = await Project(query
                    .Where(a => a.Time > newerTime || (a.Time == newerTime && a.Id > newerId))
                    .OrderBy(a => a.Time).ThenBy(a => a.Id))
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            hasNewer = entries.Count > PageSize;
            entries = entries.Take(PageSize).Reverse().ToList();
            hasOlder = true;
        }
        else
        {
            if (older is { } before)
            {
                var (olderTime, olderId) = before;
                query = query.Where(a => a.Time < olderTime || (a.Time == olderTime && a.Id < olderId));
            }

            entries = await Project(query.OrderByDescending(a => a.Time).ThenByDescending(a => a.Id))
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            hasOlder = entries.Count > PageSize;
            entries = entries.Take(PageSize).ToList();
            hasNewer = older is not null;
        }

        var users = await db.Users.AsNoTracking()
            .Select(u => new AuditActorOption(u.Id, u.DisplayName, u.UserName, u.IsActive))
            .ToListAsync(cancellationToken);
        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var actions = await db.Database
            .SqlQuery<string>(
                $"""
                WITH RECURSIVE actions AS (
                    (SELECT action FROM audit_entries ORDER BY action LIMIT 1)
                    UNION ALL
                    SELECT (SELECT a.action FROM audit_entries AS a WHERE a.action > actions.action ORDER BY a.action LIMIT 1)
                    FROM actions WHERE actions.action IS NOT NULL)
                SELECT action AS "Value" FROM actions WHERE action IS NOT NULL
                """)
            .ToListAsync(cancellationToken);

        return new AuditLogPage(
            new AuditLogFilter(actorId, action, prefix, from, to),
            entries.Select(e => new AuditLogRow(e.Id, DisplayFormat.DateTime(e.Time, zone), e.UserId, e.Action, Indented(e.Detail))).ToList(),
            users.ToDictionary(u => u.Id),
            users.OrderBy(u => u.DisplayName, order).ThenBy(u => u.Id).ToList(),
            actions.Order(StringComparer.Ordinal).ToList(),
            notices,
            hasOlder && entries.Count > 0 ? Cursor(entries[^1]) : null,
            hasNewer && entries.Count > 0 ? Cursor(entries[0]) : null,
            zone.Id);
    }

    private sealed record Entry(long Id, DateTimeOffset Time, int? UserId, string Action, string? Detail);

    private static IQueryable<Entry> Project(IQueryable<Domain.Entities.AuditEntry> query) =>
        query.Select(a => new Entry(a.Id, a.Time, a.UserId, a.Action, a.Detail));

    private static string Cursor(Entry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.Time.UtcTicks}.{entry.Id}");

    private (DateTimeOffset Time, long Id)? ReadCursor(string? value, List<string> notices)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split('.');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }

        notices.Add(localizer["Manage.Audit.BadPage"]);
        return null;
    }

    private int? ReadActor(string? value, List<string> notices)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        notices.Add(localizer["Manage.Audit.BadValue", localizer["Manage.Audit.Actor"]]);
        return null;
    }

    private string? ReadCode(string? value, string labelKey, List<string> notices)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (CodeForm().IsMatch(text))
        {
            return text;
        }

        notices.Add(localizer["Manage.Audit.BadValue", localizer[labelKey]]);
        return null;
    }

    private DateOnly? ReadDate(string? value, string labelKey, List<string> notices)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 9998)
        {
            return date;
        }

        notices.Add(localizer["Manage.Audit.BadValue", localizer[labelKey]]);
        return null;
    }

    private static string? Indented(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(detail);
            return JsonSerializer.Serialize(document.RootElement, IndentedJson);
        }
        catch (JsonException)
        {
            return detail;
        }
    }

    [GeneratedRegex("^[a-z0-9_.]{1,64}$")]
    private static partial Regex CodeForm();
}
