using System.Net;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using static WapListing.FunctionalTests.Manage.Users.UsersSupport;

namespace WapListing.FunctionalTests.Manage.Users;

/// <summary>
/// The last active administrator can be neither deactivated nor demoted, also not by two administrators at once.
/// A database of its own: each test first makes its administrators the only ones.
/// </summary>
public sealed class LastAdministratorTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    /// <summary>Fresh administrators who are then the only active ones (every other administrator becomes a supervisor).</summary>
    private async Task<User[]> OnlyAdministratorsAsync(int count, string language = "cs")
    {
        var administrators = new User[count];
        for (var i = 0; i < count; i++)
        {
            administrators[i] = await demo.Data.AddUserAsync(UserRole.Administrator, language: language, allQueues: true, allUsers: true);
        }

        var ids = administrators.Select(a => a.Id).ToArray();
        await using var db = demo.OpenDb();
        await db.Users.Where(u => u.Role == UserRole.Administrator && !ids.Contains(u.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Role, UserRole.Supervisor));
        return administrators;
    }

    private async Task<int> ActiveAdministratorsAsync()
    {
        await using var db = demo.OpenDb();
        return await db.Users.CountAsync(u => u.Role == UserRole.Administrator && u.IsActive);
    }

    [Theory]
    [InlineData("cs", "Jde o posledního aktivního administrátora: musí si roli administrátora ponechat.")]
    [InlineData("en", "This is the last active administrator: they must keep the administrator role.")]
    public async Task The_last_active_administrator_cannot_be_demoted(string language, string message)
    {
        var (last, inactive) = (await OnlyAdministratorsAsync(1, language))[0] is var a
            ? (a, await demo.Data.AddUserAsync(UserRole.Administrator, isActive: false))
            : default;
        var client = await demo.App.SignedInAsync(last);
        var form = await client.ProfileFormAsync(last.Id);
        form["Role"] = "Supervisor";

        var response = await client.PostProfileAsync(last.Id, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, ErrorsOf(await response.Content.ReadAsStringAsync(), "Role"), StringComparison.Ordinal);
        Assert.Equal(1, await ActiveAdministratorsAsync());
        await using var db = demo.OpenDb();
        Assert.Equal(UserRole.Administrator, (await db.Users.SingleAsync(u => u.Id == last.Id)).Role);
        Assert.Empty(await db.AuditOfAsync("user.updated", last.Id));

        // A deactivated administrator does not count; once another is active, the demotion goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await client.ReactivateAsync(inactive.Id)).StatusCode);
        form = await client.ProfileFormAsync(last.Id);
        form["Role"] = "Supervisor";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostProfileAsync(last.Id, form)).StatusCode);
        Assert.Equal(1, await ActiveAdministratorsAsync());
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_deactivated_not_even_by_themselves()
    {
        var last = (await OnlyAdministratorsAsync(1))[0];
        var client = await demo.App.SignedInAsync(last);

        var response = await client.DeactivateAsync(last.Id);

        Assert.Equal($"/manage/users/{last.Id}?done=last-admin", response.Headers.Location!.OriginalString);
        var profile = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Jde o posledního aktivního administrátora: nelze ho deaktivovat.", Decoded(profile), StringComparison.Ordinal);
        Assert.Equal(1, await ActiveAdministratorsAsync());
        await using var db = demo.OpenDb();
        Assert.Empty(await db.AuditOfAsync("user.deactivated", last.Id));
    }

    [Fact]
    public async Task An_administrator_may_deactivate_themselves_when_another_stays_and_is_signed_out()
    {
        var (leaving, staying) = (await OnlyAdministratorsAsync(2)) is var both ? (both[0], both[1]) : default;
        var client = await demo.App.SignedInAsync(leaving);

        Assert.Equal($"/manage/users/{leaving.Id}?done=deactivated", (await client.DeactivateAsync(leaving.Id)).Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/manage/users")).StatusCode);
        Assert.Equal(1, await ActiveAdministratorsAsync());
        var other = await demo.App.SignedInAsync(staying);
        Assert.Equal(HttpStatusCode.Redirect, (await other.DeactivateAsync(staying.Id)).StatusCode);
        Assert.Equal(1, await ActiveAdministratorsAsync());
    }

    /// <summary>
    /// Two administrators, each taking the other's administration away at the same moment (odd rounds deactivate,
    /// even rounds demote). Without the lock both requests would see two administrators and leave none.
    /// </summary>
    [Fact]
    public async Task Two_administrators_removing_each_other_at_once_always_leave_exactly_one()
    {
        for (var round = 0; round < 10; round++)
        {
            var (a, b) = (await OnlyAdministratorsAsync(2)) is var both ? (both[0], both[1]) : default;
            var clientA = await demo.App.SignedInAsync(a);
            var clientB = await demo.App.SignedInAsync(b);
            var demote = round % 2 == 1;
            var (requestA, requestB) = demote
                ? (await DemotionAsync(clientA, b), await DemotionAsync(clientB, a))
                : (await DeactivationAsync(clientA, b), await DeactivationAsync(clientB, a));

            using var start = new SemaphoreSlim(0, 2);
            var sent = new[] { (clientA, requestA), (clientB, requestB) }
                .Select(pair => Task.Run(async () =>
                {
                    await start.WaitAsync();
                    return await pair.Item1.SendAsync(pair.Item2);
                }))
                .ToArray();
            start.Release(2);
            var responses = await Task.WhenAll(sent);

            Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK or HttpStatusCode.Forbidden, $"round {round}: {(int)r.StatusCode}"));
            Assert.Equal(1, await ActiveAdministratorsAsync());
        }
    }

    private static async Task<HttpRequestMessage> DeactivationAsync(HttpClient client, User target)
    {
        var token = HttpSignIn.AntiforgeryToken(await client.GetStringAsync(ProfileUrl(target.Id)));
        return new HttpRequestMessage(HttpMethod.Post, $"/manage/users/{target.Id}/deactivate")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
    }

    private static async Task<HttpRequestMessage> DemotionAsync(HttpClient client, User target)
    {
        var form = await client.ProfileFormAsync(target.Id);
        form["Role"] = "Agent";
        return new HttpRequestMessage(HttpMethod.Post, ProfileUrl(target.Id)) { Content = new FormUrlEncodedContent(form) };
    }
}
