using System.Net;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Account;

public sealed class SignInTests(DemoDatabaseFixture database) : IClassFixture<DemoDatabaseFixture>, IDisposable
{
    private readonly WapListingAppFactory _app = new(database.ConnectionString);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Signed_out_request_is_redirected_to_login_with_return_url()
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/listing/wap");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Flisting%2Fwap", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Demo_supervisor_signs_in_and_lands_on_the_listing()
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("supervisor", HttpSignIn.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/listing/wap", response.Headers.Location!.OriginalString);

        var listing = await client.GetAsync("/listing/wap");
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_shows_the_form_again_with_an_error()
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("manager", "not-the-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/listing/wap")).StatusCode);
    }

    [Fact]
    public async Task Login_without_antiforgery_token_is_refused()
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = HttpSignIn.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Local_return_url_is_followed_after_sign_in()
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("admin", HttpSignIn.DemoPassword, "/listing/wap?x=1");
        Assert.Equal("/listing/wap?x=1", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example")]
    public async Task Foreign_return_url_is_ignored(string returnUrl)
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await client.PostLoginAsync("admin", HttpSignIn.DemoPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/listing/wap", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_fails()
    {
        var user = await database.Data.AddUserAsync(UserRole.Agent, language: "en");
        var client = _app.CreateBrowserLikeClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostLoginAsync(user.UserName!, "wrong-" + attempt);
        }

        var response = await client.PostLoginAsync(user.UserName!, TestData.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Too many failed attempts. The account is locked for a while; try again later.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/listing/wap")).StatusCode);
        await using var db = database.OpenDb();
        var audited = await db.AuditEntries.Where(a => a.UserId == user.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["login.failed", "login.failed", "login.failed", "login.failed", "login.locked_out", "login.locked_out"], audited);
    }

    [Fact]
    public async Task Deactivation_signs_the_user_out_on_the_next_request()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("manager");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/listing/wap")).StatusCode);

        await using var db = database.OpenDb();
        await db.Users.Where(u => u.UserName == "manager").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        try
        {
            var response = await client.GetAsync("/listing/wap");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        }
        finally
        {
            await db.Users.Where(u => u.UserName == "manager").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, true));
        }
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var page = await client.GetStringAsync("/listing/wap");
        var token = HttpSignIn.AntiforgeryToken(page);
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/listing/wap")).StatusCode);
    }

    [Fact]
    public async Task Readiness_reports_ok_while_the_database_answers()
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
