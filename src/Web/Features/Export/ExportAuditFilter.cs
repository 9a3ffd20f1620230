using WapListing.Web.Features.Listing.Criteria;
using N = WapListing.Web.Features.Listing.Criteria.ListingParameterNames;

namespace WapListing.Web.Features.Export;

/// <summary>
/// What the export's audit entry says about the filter (DESIGN §3: ids and filters, never copies of personal texts): the
/// kinds of the parameters used, with the value only where it is one of the listing's own codes (time preset, direction,
/// yes/no, sort…), and the picked ids. Values a user typed (a number, a name, a transcript text, a custom range, a
/// wait bound) are never stored, only that the filter was used.
/// </summary>
public static class ExportAuditFilter
{
    private static readonly HashSet<string> CodedParameters =
    [
        N.Time, N.IncludeDeactivated, N.Direction, N.Answered, N.HasContact, N.HasTicket, N.Missed, N.EndedBy, N.Sort, N.SortDirection, N.PageSize,
    ];

    private static readonly HashSet<string> IdParameters = [N.User, N.UserGroup, N.Queue, N.QueueGroup, N.Connector];

    public static (IReadOnlyList<string> Filters, IReadOnlyDictionary<string, int[]> Ids) Describe(ListingCriteria criteria)
    {
        var filters = new List<string>();
        var ids = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (key, value) in ListingQueryString.Parameters(criteria with { Page = 1, Selected = [] }))
        {
            if (IdParameters.Contains(key))
            {
                ids[key] = [.. ids.GetValueOrDefault(key, []), int.Parse(value!, System.Globalization.CultureInfo.InvariantCulture)];
            }
            else
            {
                var kind = CodedParameters.Contains(key) ? $"{key}={value}" : key;
                if (!filters.Contains(kind))
                {
                    filters.Add(kind);
                }
            }
        }

        return (filters, ids);
    }
}
