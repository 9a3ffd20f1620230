using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using N = WapListing.Web.Features.Listing.Criteria.ListingParameterNames;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>Writes criteria back into the listing's query string (the URL holds the whole state); the inverse of <see cref="ListingCriteriaParser"/>.</summary>
public static class ListingQueryString
{
    /// <summary>The path with the criteria's query string appended.</summary>
    public static string Append(string path, ListingCriteria criteria) => QueryHelpers.AddQueryString(path, Parameters(criteria));

    /// <summary>A custom range's instant as shared URLs carry it: the viewer's local time with its UTC offset.</summary>
    public static string Instant(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The parameters that state the criteria, defaults left out.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Parameters(ListingCriteria c)
    {
        static KeyValuePair<string, string?> P(string key, object? value) =>
            new(key, Convert.ToString(value, CultureInfo.InvariantCulture));

        if (c.Preset != TimePreset.Today)
        {
            yield return P(N.Time, ListingCodes.Time.Code(c.Preset));
        }

        if (c.Preset == TimePreset.Custom)
        {
            yield return P(N.From, Instant(c.From, c.Zone));
            yield return P(N.To, Instant(c.To, c.Zone));
        }

        var ids = new (string Key, IReadOnlyList<int> Ids)[]
        {
            (N.User, c.UserIds), (N.UserGroup, c.UserGroupIds), (N.Queue, c.QueueIds), (N.QueueGroup, c.QueueGroupIds),
        };
        foreach (var (key, values) in ids)
        {
            foreach (var id in values)
            {
                yield return P(key, id);
            }
        }

        if (c.IncludeDeactivated)
        {
            yield return P(N.IncludeDeactivated, 1);
        }

        var texts = new (string Key, string? Value)[]
        {
            (N.Contact, c.Contact), (N.Sender, c.Sender), (N.WhatsAppContact, c.WhatsAppContact), (N.Name, c.Name), (N.Transcript, c.Transcript),
            (N.Direction, ListingCodes.Direction.Code(c.Direction)),
            (N.Answered, ListingCodes.YesNo.Code(c.Answered)),
            (N.HasContact, ListingCodes.YesNo.Code(c.HasContact)),
            (N.HasTicket, ListingCodes.YesNo.Code(c.HasTicket)),
            (N.Missed, ListingCodes.Missed.Code(c.Missed)),
            (N.EndedBy, ListingCodes.EndedBy.Code(c.EndedBy)),
        };
        foreach (var (key, value) in texts.Where(t => t.Value is not null))
        {
            yield return P(key, value);
        }

        var numbers = new (string Key, int? Value)[]
        {
            (N.Connector, c.ConnectorId), (N.WaitMin, c.WaitMin), (N.WaitMax, c.WaitMax), (N.DurationMin, c.DurationMin), (N.DurationMax, c.DurationMax),
        };
        foreach (var (key, value) in numbers.Where(n => n.Value is not null))
        {
            yield return P(key, value);
        }

        foreach (var name in c.Selected)
        {
            yield return P(N.Selected, name);
        }

        if (c.Sort != ListingColumn.Time || !c.Descending)
        {
            yield return P(N.Sort, ListingCodes.Sort.Code(c.Sort));
            yield return P(N.SortDirection, ListingCodes.SortDescending.Code(c.Descending));
        }

        if (c.Page > 1)
        {
            yield return P(N.Page, c.Page);
        }

        if (c.PageSize != ListingCriteria.DefaultPageSize)
        {
            yield return P(N.PageSize, c.PageSize);
        }
    }
}
