using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Manage.Groups;

/// <summary>Manage → User groups and Queue groups: create, list, rename, delete, membership, unique names, concurrency, audit.</summary>
public sealed class UserAndQueueGroupsTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("user-groups", "user_group")]
    [InlineData("queue-groups", "queue_group")]
    public async Task A_group_is_created_listed_renamed_and_deleted_each_step_audited(string path, string subject)
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var s = TestData.Suffix();

        var created = await admin.PostAsync($"/manage/{path}", $"/manage/{path}", ("Name", $"  Night shift {s} "));
        var target = ManageHttp.RedirectTarget(created);
        var id = int.Parse(Regex.Match(target, $"^/manage/{path}/(\\d+)\\?done=created$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var page = await admin.GetOkAsync(target);
        Assert.Contains("data-testid=\"done\">Created.", page);
        Assert.Contains($"value=\"Night shift {s}\"", page);
        var list = await admin.GetOkAsync($"/manage/{path}");
        Assert.Matches($"<tr data-group=\"{id}\">\\s*<td class=\"text-break\"><a href=\"/manage/{path}/{id}\">Night shift {s}</a></td>\\s*<td class=\"text-end\" data-testid=\"member-count\">0</td>", list);

        var renamed = await admin.PostAsync(target, $"/manage/{path}/{id}/rename", ("Name", $"Day shift {s}"), ("Version", ManageHttp.Version(page)));
        Assert.Equal($"/manage/{path}/{id}?done=saved", ManageHttp.RedirectTarget(renamed));
        Assert.Contains($">Day shift {s}</a>", await admin.GetOkAsync($"/manage/{path}"));

        var confirmation = await admin.GetOkAsync($"/manage/{path}/{id}/delete");
        Assert.Contains("The rights of 0 users name this group", confirmation);
        var deleted = await admin.PostAsync($"/manage/{path}/{id}/delete", $"/manage/{path}/{id}/delete", ("Version", ManageHttp.Version(confirmation)));
        Assert.Equal($"/manage/{path}?done=deleted", ManageHttp.RedirectTarget(deleted));
        Assert.DoesNotContain($"Day shift {s}", await admin.GetOkAsync($"/manage/{path}"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/manage/{path}/{id}")).StatusCode);

        Assert.Equal($"\"Night shift {s}\"", Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, $"{subject}.created", id)).At("after.name"));
        var renamedEntry = Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, $"{subject}.renamed", id));
        Assert.Equal(($"\"Night shift {s}\"", $"\"Day shift {s}\""), (renamedEntry.At("before.name"), renamedEntry.At("after.name")));
        Assert.Equal($"\"Day shift {s}\"", Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, $"{subject}.deleted", id)).At("before.name"));
    }

    [Theory]
    [InlineData("user-groups")]
    [InlineData("queue-groups")]
    public async Task Names_are_unique_whatever_the_letter_case_with_a_message_next_to_the_field(string path)
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var s = TestData.Suffix();
        var first = ManageHttp.RedirectTarget(await admin.PostAsync($"/manage/{path}", $"/manage/{path}", ("Name", $"Škoda {s}")));
        var other = ManageHttp.RedirectTarget(await admin.PostAsync($"/manage/{path}", $"/manage/{path}", ("Name", $"Other {s}")));

        var again = await admin.PostAsync($"/manage/{path}", $"/manage/{path}", ("Name", $"ŠKODA {s.ToUpperInvariant()}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Equal("A group with this name already exists.", ManageHttp.FieldError(html, "Name"));
        Assert.Contains($"value=\"ŠKODA {s.ToUpperInvariant()}\"", html);

        var otherPage = await admin.GetOkAsync(other);
        var otherId = other.Split('/', '?')[3];
        var rename = await admin.PostAsync(other, $"/manage/{path}/{otherId}/rename", ("Name", $"škoda {s}"), ("Version", ManageHttp.Version(otherPage)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rename.StatusCode);
        Assert.Equal("A group with this name already exists.", ManageHttp.FieldError(await rename.Content.ReadAsStringAsync(), "Name"));

        var empty = await admin.PostAsync($"/manage/{path}", $"/manage/{path}", ("Name", "   "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("Name is required.", ManageHttp.FieldError(await empty.Content.ReadAsStringAsync(), "Name"));
        Assert.NotNull(first);
    }

    [Fact]
    public async Task Hostile_names_are_shown_as_text()
    {
        const string hostile = "<img src=x onerror=alert(1)>";
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var group = await demo.Data.AddUserGroupAsync(hostile + TestData.Suffix());
        var queue = await demo.Data.AddQueueAsync(hostile + " queue " + TestData.Suffix());
        await demo.Data.AddQueueGroupAsync(hostile + TestData.Suffix(), queue);

        foreach (var url in new[] { "/manage/user-groups", $"/manage/user-groups/{group.Id}", $"/manage/user-groups/{group.Id}/delete", "/manage/queue-groups", "/manage/queues", $"/manage/queues/{queue.Id}" })
        {
            var html = await admin.GetOkAsync(url);
            Assert.DoesNotContain(hostile, html);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        }
    }

    [Fact]
    public async Task Deactivated_users_are_offered_only_when_asked_but_deactivated_members_stay_visible()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var member = await demo.Data.AddUserAsync(UserRole.Agent, isActive: false);
        var leaver = await demo.Data.AddUserAsync(UserRole.Agent, isActive: false);
        var active = await demo.Data.AddUserAsync(UserRole.Agent);
        var group = await demo.Data.AddUserGroupAsync($"Leavers {TestData.Suffix()}", member);

        var page = await admin.GetOkAsync($"/manage/user-groups/{group.Id}");
        Assert.Contains(member.Id, ManageHttp.Offered(page, "Ids"));
        Assert.Equal([member.Id], ManageHttp.Ticked(page, "Ids"));
        Assert.Contains(active.Id, ManageHttp.Offered(page, "Ids"));
        Assert.DoesNotContain(leaver.Id, ManageHttp.Offered(page, "Ids"));

        var all = await admin.GetOkAsync($"/manage/user-groups/{group.Id}?deactivated=true");
        Assert.Contains(leaver.Id, ManageHttp.Offered(all, "Ids"));

        // Saving the page as shown (deactivated hidden) keeps the deactivated member, adds the ticked active user.
        var saved = await admin.PostAsync($"/manage/user-groups/{group.Id}", $"/manage/user-groups/{group.Id}/members",
            ("Ids", member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Ids", active.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Version", ManageHttp.Version(page)));
        Assert.Equal($"/manage/user-groups/{group.Id}?done=saved", ManageHttp.RedirectTarget(saved));
        await using var db = demo.OpenDb();
        Assert.Equal(
            new[] { member.Id, active.Id }.Order(),
            await db.UserGroups.Where(g => g.Id == group.Id).SelectMany(g => g.Users.Select(u => u.Id)).Order().ToListAsync());
        var audit = Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, "user_group.members_changed", group.Id));
        Assert.Equal(($"[{member.Id}]", $"[{string.Join(',', new[] { member.Id, active.Id }.Order())}]"), (audit.At("before.members"), audit.At("after.members")));
    }

    [Theory]
    [InlineData("members")]
    [InlineData("rename")]
    public async Task A_stale_group_form_is_refused_with_the_conflict_message_and_the_current_values(string form)
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var first = await demo.Data.AddUserAsync(UserRole.Agent);
        var second = await demo.Data.AddUserAsync(UserRole.Agent);
        var s = TestData.Suffix();
        var group = await demo.Data.AddUserGroupAsync($"Shared {s}", first);
        var url = $"/manage/user-groups/{group.Id}";
        var staleVersion = ManageHttp.Version(await admin.GetOkAsync(url));

        // Someone else adds a member meanwhile.
        var other = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var theirs = await other.PostAsync(url, url + "/members", ("Ids", $"{first.Id}"), ("Ids", $"{second.Id}"), ("Version", ManageHttp.Version(await other.GetOkAsync(url))));
        ManageHttp.RedirectTarget(theirs);

        var mine = form == "members"
            ? await admin.PostAsync(url, url + "/members", ("Version", staleVersion))
            : await admin.PostAsync(url, url + "/rename", ("Name", $"Mine {s}"), ("Version", staleVersion));

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        var html = await mine.Content.ReadAsStringAsync();
        Assert.Equal(["Someone else changed this record while you were editing it. Nothing of yours was saved; the page now shows their version — make your change again."], ManageHttp.FormErrors(html));
        Assert.Equal(new[] { first.Id, second.Id }.Order(), ManageHttp.Ticked(html, "Ids").Order());
        Assert.Contains($"value=\"Shared {s}\"", html);
        await using var db = demo.OpenDb();
        var stored = await db.UserGroups.Include(g => g.Users).SingleAsync(g => g.Id == group.Id);
        Assert.Equal($"Shared {s}", stored.Name);
        Assert.Equal(2, stored.Users.Count);
    }

    [Fact]
    public async Task Only_administrators_reach_the_group_pages()
    {
        var group = await demo.Data.AddUserGroupAsync($"Closed {TestData.Suffix()}");
        var supervisor = demo.App.CreateBrowserLikeClient();
        await supervisor.SignInAsync("supervisor");
        foreach (var url in new[] { "/manage/user-groups", $"/manage/user-groups/{group.Id}", "/manage/queue-groups", "/manage/queues", "/manage/connectors", "/manage/users/1/groups" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(url)).StatusCode);
        }
    }
}
