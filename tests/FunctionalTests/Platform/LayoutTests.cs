using System.Net;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Platform;

/// <summary>The frame around every page: navigation, Manage for administrators only, the signed-in user, sign-out, skip link.</summary>
public sealed class LayoutTests(DemoAppFixture fixture) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("admin", true)]
    [InlineData("supervisor", false)]
    [InlineData("manager", false)]
    [InlineData("agent", false)]
    public async Task Manage_is_offered_to_administrators_only(string userName, bool offered)
    {
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync(userName);

        var html = await client.GetStringAsync("/listing/wap");

        Assert.Contains("href=\"/listing/wap\" aria-current=\"page\"", html);
        Assert.Equal(offered, html.Contains("href=\"/manage\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_favicon_is_served_and_linked_from_every_page()
    {
        var anonymous = fixture.App.CreateBrowserLikeClient();
        var icon = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.NotEmpty(await icon.Content.ReadAsByteArrayAsync());

        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" />", await anonymous.GetStringAsync("/account/login"));
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\" />", await client.GetStringAsync("/listing/wap"));
    }

    [Fact]
    public async Task The_header_names_the_signed_in_user_and_signing_out_is_a_protected_post()
    {
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync("manager");
        var html = await client.GetStringAsync("/listing/wap");

        Assert.Contains("<span data-testid=\"signed-in-user\">Marek Manažer</span>", html);
        Assert.Contains("Listings<span class=\"nav-trail-sep\" aria-hidden=\"true\">›</span>Interactions", html);
        var signOutForm = html[html.IndexOf("action=\"/account/logout\"", StringComparison.Ordinal)..];
        signOutForm = signOutForm[..signOutForm.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.Contains("name=\"__RequestVerificationToken\"", signOutForm);

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpSignIn.AntiforgeryToken(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var afterwards = await client.GetAsync("/listing/wap");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("http://localhost/account/login", afterwards.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_pages_offer_the_language_switch_but_no_navigation()
    {
        var client = fixture.App.CreateBrowserLikeClient();
        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("data-testid=\"language-switch\"", html);
        Assert.DoesNotContain("data-testid=\"main-nav\"", html);
        Assert.DoesNotContain("data-testid=\"sign-out\"", html);
    }

    [Fact]
    public async Task The_first_link_of_every_page_skips_to_the_content()
    {
        var client = fixture.App.CreateBrowserLikeClient();
        await client.SignInAsync("agent");
        var html = await client.GetStringAsync("/listing/wap");

        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        var firstLink = body[body.IndexOf("<a ", StringComparison.Ordinal)..];
        Assert.StartsWith("<a class=\"visually-hidden-focusable skip-link\" href=\"#main\">Přejít na obsah</a>", firstLink, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html);
    }
}
