using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace WapListing.Web.Features.Listing;

/// <summary>Writes criteria back into the listing's query string: the URL holds the whole state.</summary>
public static class ListingUrl
{
    public const string Path = "/listing/wap";

    public static string For(ListingCriteria criteria, string path = Path) => QueryHelpers.AddQueryString(path, Parameters(criteria));

    public static string WithSort(ListingCriteria criteria, ListingColumn column)
    {
        var descending = criteria.Sort == column ? !criteria.Descending : ListingColumns.DefaultDescending(column);
        return For(criteria with { Sort = column, Descending = descending, Page = 1 });
    }

    public static string WithPage(ListingCriteria criteria, int page) => For(criteria with { Page = page });

    public static string Instant(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static IEnumerable<KeyValuePair<string, string?>> Parameters(ListingCriteria c)
    {
        static KeyValuePair<string, string?> P(string key, object? value) =>
            new(key, Convert.ToString(value, CultureInfo.InvariantCulture));

        if (c.Preset != TimePreset.Today)
        {
            yield return P("time", c.Preset.ToString().ToLowerInvariant());
        }

        if (c.Preset == TimePreset.Custom)
        {
            yield return P("from", Instant(c.From, c.Zone));
            yield return P("to", Instant(c.To, c.Zone));
        }

        foreach (var id in c.UserIds)
        {
            yield return P("user", id);
        }

        foreach (var id in c.UserGroupIds)
        {
            yield return P("usergroup", id);
        }

        foreach (var id in c.QueueIds)
        {
            yield return P("queue", id);
        }

        foreach (var id in c.QueueGroupIds)
        {
            yield return P("queuegroup", id);
        }

        if (c.IncludeDeactivated)
        {
            yield return P("inactive", 1);
        }

        var texts = new (string Key, string? Value)[]
        {
            ("contact", c.Contact), ("sender", c.Sender), ("wacontact", c.WhatsAppContact), ("name", c.Name), ("text", c.Transcript),
            ("direction", c.Direction?.ToString().ToLowerInvariant()),
            ("answered", YesNo(c.Answered)), ("hascontact", YesNo(c.HasContact)), ("hasticket", YesNo(c.HasTicket)),
            ("missed", c.Missed switch
            {
                MissedFilter.NotMissed => "none",
                MissedFilter.Shown => "1",
                MissedFilter.Removed => "0",
                MissedFilter.ContactedBack => "no",
                _ => null,
            }),
            ("endedby", c.EndedBy?.ToString().ToLowerInvariant()),
        };
        foreach (var (key, value) in texts.Where(t => t.Value is not null))
        {
            yield return P(key, value);
        }

        var numbers = new (string Key, int? Value)[]
        {
            ("connector", c.ConnectorId), ("waitmin", c.WaitMin), ("waitmax", c.WaitMax), ("durmin", c.DurationMin), ("durmax", c.DurationMax),
        };
        foreach (var (key, value) in numbers.Where(n => n.Value is not null))
        {
            yield return P(key, value);
        }

        if (c.Sort != ListingColumn.Time || !c.Descending)
        {
            yield return P("sort", ListingColumns.UrlName(c.Sort));
            yield return P("dir", c.Descending ? "desc" : "asc");
        }

        if (c.Page > 1)
        {
            yield return P("page", c.Page);
        }

        if (c.PageSize != ListingCriteria.DefaultPageSize)
        {
            yield return P("size", c.PageSize);
        }
    }

    private static string? YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => null,
    };
}
