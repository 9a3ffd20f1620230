using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Web.Features.Detail;

namespace WapListing.FunctionalTests.Detail;

/// <summary>
/// The listing resolves the detail link once and puts each row's name into it. For any name and any way back, that is
/// the very link routing builds for the row on its own.
/// </summary>
public sealed class DetailLinksForRowsTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>
{
    [Fact]
    public void A_rows_link_is_the_link_routing_builds_for_it_whatever_the_name_and_the_way_back()
    {
        using var app = new WapListingAppFactory(database.ConnectionString);
        using var scope = app.Services.CreateScope();
        var httpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        // Any endpoint: links then come from endpoint routing, as in the app.
        httpContext.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "test"));
        var url = scope.ServiceProvider.GetRequiredService<IUrlHelperFactory>()
            .GetUrlHelper(new ActionContext(httpContext, new RouteData(), new ActionDescriptor()));

        foreach (var back in new[] { null, "?time=yesterday&queue=3", "?q=%01&contact=Dvo%C5%99%C3%A1k&x=\u0001", "?a=" + new string('x', 1990), "not-a-query" })
        {
            var link = url.DetailLinkForRows(back);
            var pairLink = url.DetailLinkForRows(back, DetailPanel.Pair);
            foreach (var name in new[] { "wap_6734a1b2c3", "act_ünïcødé 1+1=2", "a&b=c?d#e%01%25/\\", "\u0001", "  " })
            {
                Assert.Equal(url.Detail(name, back: back), link(name));
                Assert.Equal(url.Detail(name, panel: DetailPanel.Pair, back: back), pairLink(name));
                Assert.StartsWith("/listing/activities/?activityDetail=", link(name), StringComparison.Ordinal);
            }
        }
    }
}
