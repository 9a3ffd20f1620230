using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
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
        var s = TestData.Suffix();
        var alpha = await demo.Data.AddQueueAsync($"Alfa {s}");
        var beta = await demo.Data.AddQueueAsync($"Beta {s}");
        var gamma = await demo.Data.AddQueueAsync($"Gama {s}");
        var south = await demo.Data.AddQueueGroupAsync($"Jih {s}", gamma);
        var agent = await demo.Data.AddUserAsync(UserRole.Agent, displayName: $"Ota Zelený {s}");
        var team = await demo.Data.AddUserGroupAsync($"Tým {s}", agent);
        var supervisor = await demo.Data.AddUserAsync(UserRole.Supervisor, grants:
            [RightsGrant.ForQueue(beta.Id), RightsGrant.ForQueue(alpha.Id), RightsGrant.ForQueueGroup(south.Id), RightsGrant.ForUserGroup(team.Id), RightsGrant.ForUser(agent.Id)]);
        var manager = await demo.Data.AddUserAsync(UserRole.Manager, grants: [RightsGrant.ForQueue(gamma.Id)]);
        var administrator = await demo.Data.AddUserAsync(UserRole.Administrator, allQueues: true, allUsers: true);
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(administrator.UserName!);

        var html = await client.GetStringAsync("/manage");

        await using var db = demo.OpenDb();
        Assert.Equal(await db.Users.CountAsync(), RowPattern().Matches(html).Count);
        var supervisorRow = Row(html, supervisor.UserName!);
        Assert.Contains("<td>Supervizor</td>", supervisorRow);
        Assert.Equal([$"Jih {s} (skupina)", $"Alfa {s}", $"Beta {s}"], Badges(Cell(supervisorRow, "rights-queues")));
        Assert.Equal([$"Tým {s} (skupina)", $"Ota Zelený {s}"], Badges(Cell(supervisorRow, "rights-users")));
        var managerRow = Row(html, manager.UserName!);
        Assert.Contains("<td>Manažer</td>", managerRow);
        Assert.Equal([$"Gama {s}"], Badges(Cell(managerRow, "rights-queues")));
        Assert.Empty(Badges(Cell(managerRow, "rights-users")));
        Assert.Contains("<span class=\"small text-body-secondary\">Žádná</span>", Cell(managerRow, "rights-users"));
        var agentRow = Row(html, agent.UserName!);
        Assert.Contains("<td>Operátor</td>", agentRow);
        Assert.Contains("<span class=\"small text-body-secondary\">Žádná</span>", Cell(agentRow, "rights-queues"));
        var administratorRow = Row(html, administrator.UserName!);
        Assert.Equal(["Vše"], Badges(Cell(administratorRow, "rights-queues")));
        Assert.Equal(["Vše"], Badges(Cell(administratorRow, "rights-users")));
        var deactivated = await db.Users.CountAsync(u => !u.IsActive);
        Assert.Equal(deactivated, Regex.Matches(html, "data-testid=\"deactivated\"").Count);
    }

    [Fact]
    public async Task Names_from_the_database_are_html_encoded()
    {
        const string hostile = "<script>alert(1)</script>";
        var group = await demo.Data.AddUserGroupAsync(hostile);
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor, displayName: hostile + " Novák", grants: [RightsGrant.ForUserGroup(group.Id)]);
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var html = await client.GetStringAsync("/manage");

        Assert.DoesNotContain(hostile, html);
        var row = Row(html, viewer.UserName!);
        Assert.Contains("<div>&lt;script&gt;alert(1)&lt;/script&gt; Novák</div>", row);
        Assert.Equal([hostile + " (skupina)"], Badges(Cell(row, "rights-users")));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; (skupina)</span>", Cell(row, "rights-users"));
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
