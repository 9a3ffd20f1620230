using System.Net;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Detail;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Listing;

namespace WapListing.FunctionalTests.Validation;

/// <summary>
/// What each kind of request answers to text the database cannot store (here a NUL, <c>%00</c>): a name that cannot
/// exist is a 404, a request record's field a 400 page (or back to the detail with a notice), a listing filter a notice.
/// </summary>
public sealed class UnstorableTextTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("%00")]
    [InlineData("wap_%00")]
    public async Task A_detail_name_with_a_nul_does_not_exist(string name)
    {
        var client = await AdminAsync();

        await DetailSupport.AssertNotFoundAsync(await client.GetAsync(DetailSupport.Page(name)));
    }

    [Fact]
    public async Task The_anonymize_confirmation_of_a_name_with_a_nul_is_a_400_page_saying_why()
    {
        var client = await AdminAsync();

        var response = await client.GetAsync("/listing/activities/anonymize?name=wap_%00&culture=en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unique name contains characters that cannot be stored.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_contact_with_a_nul_in_its_name_is_refused_and_creates_nothing()
    {
        var queue = await demo.Data.AddQueueAsync();
        var chat = await demo.Data.AddInteractionAsync(queue, DetailSupport.ChatTime);
        var activity = await demo.Data.AddActivityAsync(chat, await demo.Data.AddUserAsync(UserRole.Agent), DetailSupport.ChatTime);
        var client = await AdminAsync();

        var response = await client.PostFormAsync(DetailSupport.Page(chat.Name), "/listing/activities/create-contact", new()
        {
            ["activity"] = activity.Name,
            ["Name"] = "Eva\0Nová",
        });

        // ASP.NET Core's form reader refuses a NUL before the action runs (under the antiforgery check): the 400 page says
        // so; the record's [StorableText] is the rule for whatever gets that far (see the unit tests of StorableText).
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status-page\"", html);
        Assert.True(html.Contains("Formulář nešlo přečíst", StringComparison.Ordinal) || html.Contains("The form could not be read", StringComparison.Ordinal), html);
        await using var db = demo.OpenDb();
        Assert.False(db.Contacts.Any(c => c.Name.StartsWith("Eva")));
        Assert.Null(db.Activities.Single(a => a.Id == activity.Id).ContactId);
    }

    [Fact]
    public async Task A_picked_row_name_with_a_nul_is_dropped_from_the_listing_with_a_notice()
    {
        var client = await AdminAsync();

        var html = await ListingPages.GetOkAsync(client, "/listing/wap?selected=wap_%00&culture=en");

        Assert.Contains("A filter value contained characters that cannot be searched for; it was ignored.", ListingPages.Notices(html));
    }

    [Fact]
    public async Task A_detail_search_with_a_nul_finds_nothing_and_the_page_opens()
    {
        var queue = await demo.Data.AddQueueAsync();
        var chat = await demo.Data.AddInteractionAsync(queue, DetailSupport.ChatTime);
        await demo.Data.AddActivityAsync(chat, await demo.Data.AddUserAsync(UserRole.Agent), DetailSupport.ChatTime);
        var client = await AdminAsync();

        var response = await client.GetAsync($"{DetailSupport.Page(chat.Name)}&panel=pair&q=a%00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(DetailSupport.ContactResults(await response.Content.ReadAsStringAsync()));
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        return client;
    }
}
