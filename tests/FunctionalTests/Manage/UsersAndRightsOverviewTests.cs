using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage;

/// <summary>Manage's read-only overview of users and their rights: administrators only, exactly what is granted.</summary>
public sealed partial class UsersAndRightsOverviewTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("agent")]
    public async Task Only_administrators_may_open_it(string user)
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/manage")).StatusCode);
    }

    [Fact]
    public async Task It_lists_every_user_with_role_and_the_granted_users_groups_and_queues()
    {
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var html = await client.GetStringAsync("/manage");

        await using var db = demo.OpenDb();
        Assert.Equal(await db.Users.CountAsync(), RowPattern().Matches(html).Count);
        var supervisor = Row(html, "supervisor");
        Assert.Equal(["Podpora CZ", "Prodej CZ"], Badges(Cell(supervisor, "rights-queues")));
        Assert.Equal(["Tým Podpora (skupina)", "Tým Prodej (skupina)"], Badges(Cell(supervisor, "rights-users")));
        Assert.Equal(["Billing EN", "International Support", "Reklamace"], Badges(Cell(Row(html, "manager"), "rights-queues")));
        Assert.Contains("Žádná", Cell(Row(html, "manager"), "rights-users"));
        var agent = Row(html, "agent");
        Assert.Equal(["Technická podpora"], Badges(Cell(agent, "rights-queues")));
        Assert.Equal(["Adam Agent"], Badges(Cell(agent, "rights-users")));
        Assert.Contains("Operátor", agent);
        var admin = Row(html, "admin");
        Assert.Equal(["Vše"], Badges(Cell(admin, "rights-queues")));
        Assert.Equal(["Vše"], Badges(Cell(admin, "rights-users")));
        var deactivated = await db.Users.CountAsync(u => !u.IsActive);
        Assert.Equal(deactivated, Regex.Matches(html, "data-testid=\"deactivated\"").Count);
    }

    [Fact]
    public async Task Names_from_the_database_are_html_encoded()
    {
        await using (var db = demo.OpenDb())
        {
            await db.UserGroups.AddAsync(new WapListing.Domain.Entities.UserGroup { Name = "<script>alert(1)</script>" });
            await db.SaveChangesAsync();
            var group = await db.UserGroups.SingleAsync(g => g.Name == "<script>alert(1)</script>");
            string[] demoLogins = ["admin", "supervisor", "manager", "agent"];
            var viewer = await db.Users.Where(u => !demoLogins.Contains(u.UserName)).OrderBy(u => u.Id).FirstAsync();
            db.RightsGrants.Add(new WapListing.Domain.Entities.RightsGrant { ViewerId = viewer.Id, UserGroupId = group.Id });
            await db.SaveChangesAsync();
        }

        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var html = await client.GetStringAsync("/manage");

        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    private static string Row(string html, string userName)
    {
        var start = html.IndexOf($"<tr data-user=\"{userName}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, userName);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static string Cell(string row, string testId)
    {
        var start = row.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        return row[start..row.IndexOf("</td>", start, StringComparison.Ordinal)];
    }

    private static List<string> Badges(string cell) =>
        BadgePattern().Matches(cell).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();

    [GeneratedRegex("<tr data-user=")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<span class=\"badge[^\"]*\"[^>]*>([^<]*)</span>")]
    private static partial Regex BadgePattern();
}
