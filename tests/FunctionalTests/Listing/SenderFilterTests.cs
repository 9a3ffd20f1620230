using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Rights;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// The Sender filter matches the customer's number or the connector's. The page knows the connectors' numbers from its
/// pickers and asks the interactions with them as constants; any other reader lets the query ask the connectors. Both
/// shapes return exactly the rows the condition written in SQL here returns, in the same order.
/// </summary>
public sealed class SenderFilterTests(DemoAppFixture database) : IClassFixture<DemoAppFixture>
{
    private static readonly ViewerRights Everyone = new(true, true, [], []);

    public static TheoryData<string> Senders() => new() { "customer", "+420800123456", "+420000000000" };

    [Theory]
    [MemberData(nameof(Senders))]
    public async Task Both_shapes_of_the_sender_filter_return_the_rows_of_the_customers_or_the_connectors_number(string sender)
    {
        await using var db = database.OpenDb();
        if (sender == "customer")
        {
            sender = await db.Interactions.Where(i => i.CustomerNumber != null && i.CustomerNumber.StartsWith("+420"))
                .OrderBy(i => i.Id).Select(i => i.CustomerNumber!).FirstAsync();
        }

        var everything = new ListingCriteria { From = DateTimeOffset.UtcNow.AddYears(-5), To = DateTimeOffset.UtcNow.AddYears(1), Sender = sender };
        var connectorIds = await db.Connectors.Where(c => c.PhoneNumber == sender).Select(c => c.Id).ToListAsync();
        var expected = await db.Database.SqlQuery<long>($"""
            SELECT i.id AS "Value" FROM interactions i
             WHERE i.time >= {everything.From} AND i.time < {everything.To}
               AND (i.customer_number = {sender} OR i.connector_id IN (SELECT id FROM connectors WHERE phone_number = {sender}))
             ORDER BY i.time DESC, i.id DESC
            """).ToListAsync();

        var askedInTheQuery = await Ids(db, everything);
        var resolvedFirst = await Ids(db, everything with { SenderConnectorIds = connectorIds });

        Assert.Equal(expected, askedInTheQuery);
        Assert.Equal(expected, resolvedFirst);
        if (sender != "+420000000000")
        {
            Assert.NotEmpty(expected);
        }
    }

    private static Task<List<long>> Ids(WapListing.Infrastructure.Data.WapListingDbContext db, ListingCriteria criteria) =>
        WapListingQuery.Matching(db, Everyone, criteria).AsNoTracking().Sorted(criteria).Select(i => i.Id).ToListAsync();
}
