using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Infrastructure.Time;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Listing;

/// <summary>
/// Reads the listing's URL into <see cref="ListingCriteria"/> (DESIGN §5). Never throws on bad input:
/// whatever cannot be used is dropped with a notice and the default takes its place.
/// </summary>
public sealed partial class ListingCriteriaReader(
    CurrentViewer viewer,
    WapListingDbContext db,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
{
    public const int MaxTextLength = 200;
    private const int MaxPage = 100_000;
    private const int MaxIds = 200;

    public async Task<ListingCriteriaResult> ReadAsync(IQueryCollection query, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        var zone = viewer.TimeZone;
        var (preset, from, to) = ReadTime(query, zone, notices);
        var rights = await viewer.GetRightsAsync(cancellationToken);

        var criteria = new ListingCriteria
        {
            Preset = preset,
            From = from,
            To = to,
            Zone = zone,
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            IncludeDeactivated = query["inactive"] == "1",
            Contact = ReadText(query, "contact", notices),
            Sender = ReadSender(query, notices),
            Direction = ReadChoice(query, "direction", notices, new Dictionary<string, InteractionDirection>
            {
                ["in"] = InteractionDirection.In,
                ["out"] = InteractionDirection.Out,
            }),
            Answered = ReadYesNo(query, "answered", notices),
            Missed = ReadChoice(query, "missed", notices, new Dictionary<string, MissedFilter>
            {
                ["none"] = MissedFilter.NotMissed,
                ["1"] = MissedFilter.Shown,
                ["0"] = MissedFilter.Removed,
                ["no"] = MissedFilter.ContactedBack,
            }),
            EndedBy = ReadChoice(query, "endedby", notices, Enum.GetValues<EndedBy>().ToDictionary(e => e.ToString().ToLowerInvariant())),
            WhatsAppContact = ReadText(query, "wacontact", notices),
            HasContact = ReadYesNo(query, "hascontact", notices),
            HasTicket = ReadYesNo(query, "hasticket", notices),
            Name = ReadText(query, "name", notices),
            Transcript = ReadText(query, "text", notices),
            Selected = query["selected"].Where(s => !string.IsNullOrWhiteSpace(s) && s!.Length <= 100).Select(s => s!).Distinct().Take(10_000).ToList(),
        };

        var (waitMin, waitMax) = ReadSecondsRange(query, "waitmin", "waitmax", notices);
        var (durationMin, durationMax) = ReadSecondsRange(query, "durmin", "durmax", notices);
        criteria = criteria with { WaitMin = waitMin, WaitMax = waitMax, DurationMin = durationMin, DurationMax = durationMax };
        criteria = ReadSortAndPaging(query, criteria, notices);
        criteria = await ReadPickedIdsAsync(query, criteria, rights, notices, cancellationToken);
        return new ListingCriteriaResult(criteria, notices);
    }

    private (TimePreset Preset, DateTimeOffset From, DateTimeOffset To) ReadTime(IQueryCollection query, TimeZoneInfo zone, List<string> notices)
    {
        var today = LocalDay.Today(clock, zone);
        var text = query["time"].ToString();
        var preset = TimePreset.Today;
        if (text.Length > 0 && !Enum.TryParse(text, ignoreCase: true, out preset))
        {
            notices.Add(localizer["Notice.UnknownTimePreset"]);
            preset = TimePreset.Today;
        }

        if (preset == TimePreset.Custom)
        {
            var from = ReadInstant(query["from"], zone);
            var to = ReadInstant(query["to"], zone);
            if (from is null || to is null)
            {
                notices.Add(localizer["Notice.BadCustomRange"]);
                preset = TimePreset.Today;
            }
            else if (from >= to)
            {
                notices.Add(localizer["Notice.ReversedRange"]);
                preset = TimePreset.Today;
            }
            else
            {
                return (preset, from.Value, to.Value);
            }
        }

        var (first, last) = PresetDays(preset, today);
        var (start, end) = LocalDay.Range(first, last, zone);
        return (preset, start, end);
    }

    public static (DateOnly First, DateOnly Last) PresetDays(TimePreset preset, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        return preset switch
        {
            TimePreset.Yesterday => (today.AddDays(-1), today.AddDays(-1)),
            TimePreset.ThisWeek => (monday, monday.AddDays(6)),
            TimePreset.LastWeek => (monday.AddDays(-7), monday.AddDays(-1)),
            TimePreset.ThisMonth => (firstOfMonth, firstOfMonth.AddMonths(1).AddDays(-1)),
            TimePreset.LastMonth => (firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1)),
            TimePreset.Last7Days => (today.AddDays(-6), today),
            TimePreset.Last30Days => (today.AddDays(-29), today),
            TimePreset.ThisYear => (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            _ => (today, today),
        };
    }

    /// <summary>An instant with its offset (as shared URLs carry it), or a local time of the viewer's zone (as the form sends it).</summary>
    private static DateTimeOffset? ReadInstant(StringValues value, TimeZoneInfo zone)
    {
        // An unencoded "+" of an offset arrives as a space.
        var text = SpaceBeforeOffset().Replace(value.ToString().Trim(), "+$1");
        if (text.Length is 0 or > 40)
        {
            return null;
        }

        if (HasOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant.ToUniversalTime();
        }

        string[] localFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
        return DateTime.TryParseExact(text, localFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? LocalDay.ToInstant(local, zone)
            : null;
    }

    private string? ReadText(IQueryCollection query, string key, List<string> notices)
    {
        var text = new string(query[key].ToString().Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            notices.Add(localizer["Notice.TextTooLong", MaxTextLength]);
            text = text[..MaxTextLength];
        }

        return text;
    }

    private string? ReadSender(IQueryCollection query, List<string> notices)
    {
        var text = ReadText(query, "sender", notices);
        if (text is null)
        {
            return null;
        }

        var normalized = PhoneNumbers.ToE164(text);
        if (normalized is null)
        {
            notices.Add(localizer["Notice.BadSender"]);
        }

        return normalized;
    }

    private bool? ReadYesNo(IQueryCollection query, string key, List<string> notices) =>
        ReadChoice(query, key, notices, new Dictionary<string, bool> { ["yes"] = true, ["no"] = false });

    private T? ReadChoice<T>(IQueryCollection query, string key, List<string> notices, Dictionary<string, T> choices)
        where T : struct
    {
        var text = query[key].ToString().Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        notices.Add(localizer["Notice.UnknownValue", key]);
        return null;
    }

    private (int? Min, int? Max) ReadSecondsRange(IQueryCollection query, string minKey, string maxKey, List<string> notices)
    {
        var min = ReadSeconds(query, minKey, notices);
        var max = ReadSeconds(query, maxKey, notices);
        if (min > max)
        {
            notices.Add(localizer["Notice.MinAboveMax"]);
            return (null, null);
        }

        return (min, max);
    }

    /// <summary>Seconds, or a duration written h:mm:ss or m:ss.</summary>
    private int? ReadSeconds(IQueryCollection query, string key, List<string> notices)
    {
        var text = query[key].ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        var parts = text.Split(':');
        if (parts.Length is 2 or 3 && parts.All(p => p.Length is > 0 and <= 5 && p.All(char.IsAsciiDigit)))
        {
            var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            return numbers.Length == 3 ? (numbers[0] * 3600) + (numbers[1] * 60) + numbers[2] : (numbers[0] * 60) + numbers[1];
        }

        notices.Add(localizer["Notice.BadDuration", key]);
        return null;
    }

    private ListingCriteria ReadSortAndPaging(IQueryCollection query, ListingCriteria criteria, List<string> notices)
    {
        var sort = ListingColumn.Time;
        var sortText = query["sort"].ToString();
        if (sortText.Length > 0 && !ListingColumns.TryParse(sortText, out sort))
        {
            notices.Add(localizer["Notice.UnknownSort"]);
            sort = ListingColumn.Time;
        }

        var descending = ListingColumns.DefaultDescending(sort);
        switch (query["dir"].ToString())
        {
            case "":
                break;
            case "asc":
                descending = false;
                break;
            case "desc":
                descending = true;
                break;
            default:
                notices.Add(localizer["Notice.UnknownValue", "dir"]);
                break;
        }

        var page = 1;
        var pageText = query["page"].ToString();
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage))
        {
            notices.Add(localizer["Notice.BadPage"]);
            page = 1;
        }

        var size = ListingCriteria.DefaultPageSize;
        var sizeText = query["size"].ToString();
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || !ListingCriteria.PageSizes.Contains(size)))
        {
            notices.Add(localizer["Notice.BadPageSize", string.Join(", ", ListingCriteria.PageSizes)]);
            size = ListingCriteria.DefaultPageSize;
        }

        return criteria with { Sort = sort, Descending = descending, Page = page, PageSize = size };
    }

    /// <summary>Keeps only the users, groups, queues and connectors the viewer may use; the rest is dropped with a notice.</summary>
    private async Task<ListingCriteria> ReadPickedIdsAsync(
        IQueryCollection query, ListingCriteria criteria, ViewerRights rights, List<string> notices, CancellationToken cancellationToken)
    {
        var users = ReadIds(query, "user", notices);
        var userGroups = ReadIds(query, "usergroup", notices);
        var queues = ReadIds(query, "queue", notices);
        var queueGroups = ReadIds(query, "queuegroup", notices);
        var connector = ReadIds(query, "connector", notices).Take(1).ToArray();
        if (users.Length + userGroups.Length + queues.Length + queueGroups.Length + connector.Length == 0)
        {
            return criteria;
        }

        var permittedUsers = db.Users.PermittedTo(rights).Select(u => u.Id);
        var permittedQueues = db.Queues.PermittedTo(rights).Select(q => q.Id);
        var usable = await db.Users.Where(u => users.Contains(u.Id) && permittedUsers.Contains(u.Id)).Select(u => new { Kind = "user", u.Id })
            .Concat(db.UserGroups.Where(g => userGroups.Contains(g.Id) && g.Users.Any(u => permittedUsers.Contains(u.Id))).Select(g => new { Kind = "usergroup", g.Id }))
            .Concat(db.Queues.Where(q => queues.Contains(q.Id) && permittedQueues.Contains(q.Id)).Select(q => new { Kind = "queue", q.Id }))
            .Concat(db.QueueGroups.Where(g => queueGroups.Contains(g.Id) && g.Queues.Any(q => permittedQueues.Contains(q.Id))).Select(g => new { Kind = "queuegroup", g.Id }))
            .Concat(db.Connectors.Where(c => connector.Contains(c.Id)).Select(c => new { Kind = "connector", c.Id }))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        int[] Kept(string kind) => usable.Where(p => p.Kind == kind).Select(p => p.Id).ToArray();
        var kept = criteria with
        {
            UserIds = Kept("user"),
            UserGroupIds = Kept("usergroup"),
            QueueIds = Kept("queue"),
            QueueGroupIds = Kept("queuegroup"),
            ConnectorId = Kept("connector").Cast<int?>().FirstOrDefault(),
        };
        var dropped = users.Length + userGroups.Length + queues.Length + queueGroups.Length + connector.Length - usable.Count;
        if (dropped > 0)
        {
            notices.Add(localizer.Plural("Notice.DroppedIds", dropped));
        }

        return kept;
    }

    private int[] ReadIds(IQueryCollection query, string key, List<string> notices)
    {
        var ids = new List<int>();
        foreach (var text in query[key])
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else if (!string.IsNullOrEmpty(text))
            {
                notices.Add(localizer["Notice.UnknownValue", key]);
            }
        }

        return ids.Distinct().Take(MaxIds).ToArray();
    }

    [GeneratedRegex(@" (\d{2}:?\d{2})$")]
    private static partial Regex SpaceBeforeOffset();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex HasOffset();
}
