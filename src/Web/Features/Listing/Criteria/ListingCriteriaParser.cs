using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using WapListing.Infrastructure.Time;
using WapListing.Web.Localization;
using WapListing.Web.Validation;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// Reads <see cref="ListingParameters"/> into <see cref="ListingCriteria"/> (DESIGN §5): names, codes, time presets,
/// numbers and lengths. Never throws on bad input: whatever cannot be used is dropped with a notice and the
/// default takes its place. Picked ids are checked against the viewer's rights afterwards (<see cref="PickedIdsRightsCheck"/>).
/// </summary>
public sealed partial class ListingCriteriaParser(IStringLocalizer<SharedResource> localizer)
{
    public const int MaxTextLength = 200;
    public const int MaxPage = 100_000;
    public const int MaxIds = 200;
    public const int MaxSelected = 10_000;
    public const int MaxNameLength = 100;

    public ListingCriteria Parse(ListingParameters parameters, TimeZoneInfo zone, DateOnly today, string language, List<string> notices)
    {
        var (preset, from, to) = ReadTime(parameters, zone, today, notices);
        var criteria = new ListingCriteria
        {
            Preset = preset,
            From = from,
            To = to,
            Zone = zone,
            Language = language,
            IncludeDeactivated = parameters.IncludeDeactivated == "1",
            Contact = ReadText(parameters.Contact, notices),
            Sender = ReadSender(parameters.Sender, notices),
            Direction = ReadChoice(parameters.Direction, ListingCodes.Direction, ListingParameterNames.Direction, notices),
            Answered = ReadChoice(parameters.Answered, ListingCodes.YesNo, ListingParameterNames.Answered, notices),
            Missed = ReadChoice(parameters.Missed, ListingCodes.Missed, ListingParameterNames.Missed, notices),
            EndedBy = ReadChoice(parameters.EndedBy, ListingCodes.EndedBy, ListingParameterNames.EndedBy, notices),
            WhatsAppContact = ReadText(parameters.WhatsAppContact, notices),
            HasContact = ReadChoice(parameters.HasContact, ListingCodes.YesNo, ListingParameterNames.HasContact, notices),
            HasTicket = ReadChoice(parameters.HasTicket, ListingCodes.YesNo, ListingParameterNames.HasTicket, notices),
            Name = ReadText(parameters.Name, notices),
            Transcript = ReadText(parameters.Transcript, notices),
            Selected = ReadSelected(parameters.Selected, notices),
        };

        var (waitMin, waitMax) = ReadSecondsRange(parameters.WaitMin, parameters.WaitMax, ListingParameterNames.WaitMin, ListingParameterNames.WaitMax, notices);
        var (durationMin, durationMax) = ReadSecondsRange(parameters.DurationMin, parameters.DurationMax, ListingParameterNames.DurationMin, ListingParameterNames.DurationMax, notices);
        var sort = ReadCode(parameters.Sort, ListingCodes.Sort, notices, "Notice.UnknownSort") ?? ListingColumn.Time;
        var descending = ReadChoice(parameters.SortDirection, ListingCodes.SortDescending, ListingParameterNames.SortDirection, notices)
            ?? ListingColumns.DefaultDescending(sort);
        return criteria with
        {
            WaitMin = waitMin,
            WaitMax = waitMax,
            DurationMin = durationMin,
            DurationMax = durationMax,
            Sort = sort,
            Descending = descending,
            Page = ReadPage(parameters.Page, notices),
            PageSize = ReadPageSize(parameters.PageSize, notices),
            UserIds = ReadIds(parameters.Users, ListingParameterNames.User, notices),
            UserGroupIds = ReadIds(parameters.UserGroups, ListingParameterNames.UserGroup, notices),
            QueueIds = ReadIds(parameters.Queues, ListingParameterNames.Queue, notices),
            QueueGroupIds = ReadIds(parameters.QueueGroups, ListingParameterNames.QueueGroup, notices),
            ConnectorId = ReadIds(parameters.Connectors, ListingParameterNames.Connector, notices).Cast<int?>().FirstOrDefault(),
        };
    }

    private (TimePreset Preset, DateTimeOffset From, DateTimeOffset To) ReadTime(ListingParameters parameters, TimeZoneInfo zone, DateOnly today, List<string> notices)
    {
        var preset = ReadCode(parameters.Time, ListingCodes.Time, notices, "Notice.UnknownTimePreset") ?? TimePreset.Today;
        if (preset == TimePreset.Custom)
        {
            var from = ReadInstant(parameters.From, zone);
            var to = ReadInstant(parameters.To, zone);
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

        var (start, end) = TimePresets.Range(preset, today, zone);
        return (preset, start, end);
    }

    /// <summary>An instant with its offset (as shared URLs carry it), or a local time of the viewer's zone (as the form sends it).</summary>
    private static DateTimeOffset? ReadInstant(string? value, TimeZoneInfo zone)
    {
        // An unencoded "+" of an offset arrives as a space.
        var text = SpaceBeforeOffset().Replace((value ?? string.Empty).Trim(), "+$1");
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

    private string? ReadText(string? value, List<string> notices)
    {
        var text = new string((value ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (!StorableText.IsStorable(text))
        {
            notices.Add(localizer["Notice.UnstorableText"]);
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            notices.Add(localizer["Notice.TextTooLong", MaxTextLength]);
            text = StorableText.Shorten(text, MaxTextLength);
        }

        return text;
    }

    /// <summary>The ticked rows' names: blank, overlong and unstorable ones dropped (the latter with a notice), no repeats.</summary>
    private List<string> ReadSelected(string?[]? values, List<string> notices)
    {
        var names = (values ?? [])
            .Where(s => !string.IsNullOrWhiteSpace(s) && s.Length <= MaxNameLength)
            .Select(s => s!)
            .ToList();
        if (!names.TrueForAll(StorableText.IsStorable))
        {
            notices.Add(localizer["Notice.UnstorableText"]);
            names = names.Where(StorableText.IsStorable).ToList();
        }

        return names.Distinct().Take(MaxSelected).ToList();
    }

    private string? ReadSender(string? value, List<string> notices)
    {
        var text = ReadText(value, notices);
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

    /// <summary>A coded value; an unknown code is dropped with the notice "unknown value of {parameter}".</summary>
    private T? ReadChoice<T>(string? value, QueryCodec<T> codec, string parameterName, List<string> notices)
        where T : struct =>
        ReadCode(value, codec, notices, "Notice.UnknownValue", parameterName);

    private T? ReadCode<T>(string? value, QueryCodec<T> codec, List<string> notices, string noticeKey, string? parameterName = null)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (codec.TryRead(value, out var read))
        {
            return read;
        }

        notices.Add(parameterName is null ? localizer[noticeKey] : localizer[noticeKey, parameterName]);
        return null;
    }

    private (int? Min, int? Max) ReadSecondsRange(string? minText, string? maxText, string minName, string maxName, List<string> notices)
    {
        var min = ReadSeconds(minText, minName, notices);
        var max = ReadSeconds(maxText, maxName, notices);
        if (min > max)
        {
            notices.Add(localizer["Notice.MinAboveMax"]);
            return (null, null);
        }

        return (min, max);
    }

    /// <summary>Seconds, or a duration written h:mm:ss or m:ss.</summary>
    private int? ReadSeconds(string? value, string parameterName, List<string> notices)
    {
        var text = (value ?? string.Empty).Trim();
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

        notices.Add(localizer["Notice.BadDuration", parameterName]);
        return null;
    }

    private int ReadPage(string? value, List<string> notices)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 1;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= MaxPage)
        {
            return page;
        }

        notices.Add(localizer["Notice.BadPage"]);
        return 1;
    }

    private int ReadPageSize(string? value, List<string> notices)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ListingCriteria.DefaultPageSize;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && ListingCriteria.PageSizes.Contains(size))
        {
            return size;
        }

        notices.Add(localizer["Notice.BadPageSize", string.Join(", ", ListingCriteria.PageSizes)]);
        return ListingCriteria.DefaultPageSize;
    }

    private IReadOnlyList<int> ReadIds(string?[]? values, string parameterName, List<string> notices)
    {
        var ids = new List<int>();
        foreach (var text in values ?? [])
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else if (!string.IsNullOrEmpty(text))
            {
                notices.Add(localizer["Notice.UnknownValue", parameterName]);
            }
        }

        return ids.Distinct().Take(MaxIds).ToArray();
    }

    [GeneratedRegex(@" (\d{2}:?\d{2})$")]
    private static partial Regex SpaceBeforeOffset();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex HasOffset();
}
