using System.Globalization;
using WapListing.Infrastructure.Time;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Listing.Criteria;

/// <summary>
/// The entry point to the listing's criteria: parameters from a query string (or, later, an API request) →
/// criteria for the current viewer (their zone, language and today), with the picked ids the viewer may not use
/// dropped. Every reader of the listing — page, export, API — starts here.
/// </summary>
public sealed class ListingCriteriaReader(
    CurrentViewer viewer,
    ListingCriteriaParser parser,
    PickedIdsRightsCheck pickedIds,
    ListingPickersQuery pickers,
    TimeProvider clock)
{
    public async Task<ListingCriteriaResult> ReadAsync(ListingParameters parameters, CancellationToken cancellationToken)
    {
        var notices = new List<string>();
        var zone = viewer.TimeZone;
        var criteria = parser.Parse(parameters, zone, LocalDay.Today(clock, zone), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, notices);
        var rights = await viewer.GetRightsAsync(cancellationToken);
        criteria = await pickedIds.KeepPermittedAsync(criteria, rights, notices, cancellationToken);
        if (criteria.Sender is { } sender)
        {
            var options = await pickers.LoadAsync(rights, cancellationToken);
            criteria = criteria with
            {
                SenderConnectorIds = options.Where(o => o.Kind == PickerKind.Connector && o.PhoneNumber == sender).Select(o => o.Id).ToArray(),
            };
        }

        return new ListingCriteriaResult(criteria, notices);
    }
}
