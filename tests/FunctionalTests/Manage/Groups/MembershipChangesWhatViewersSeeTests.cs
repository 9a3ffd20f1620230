using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Listing;

namespace WapListing.FunctionalTests.Manage.Groups;

/// <summary>
/// Rights name groups, and groups expand to their members when a viewer's rights are loaded: a membership edit, from
/// either side, or deleting a group, changes what an already signed-in viewer's very next listing returns.
/// </summary>
public sealed class MembershipChangesWhatViewersSeeTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private static readonly DateTimeOffset Today = TestClock.DemoNow.AddHours(-2);

    [Fact]
    public async Task Ticking_a_user_into_a_user_group_shows_their_chats_to_the_groups_viewer_and_unticking_hides_them()
    {
        var (agent, chat) = await AgentWithAChatAsync();
        var group = await demo.Data.AddUserGroupAsync($"Team {TestData.Suffix()}");
        var viewer = await SignedInViewerAsync(RightsGrant.ForUserGroup(group.Id));
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var url = $"/manage/user-groups/{group.Id}";
        Assert.DoesNotContain(chat.Name, await RowsAsync(viewer));

        ManageHttp.RedirectTarget(await admin.PostAsync(url, url + "/members", ("Ids", $"{agent.Id}"), ("Version", ManageHttp.Version(await admin.GetOkAsync(url)))));
        Assert.Equal([chat.Name], await RowsAsync(viewer));

        ManageHttp.RedirectTarget(await admin.PostAsync(url, url + "/members", ("Version", ManageHttp.Version(await admin.GetOkAsync(url)))));
        Assert.Empty(await RowsAsync(viewer));
    }

    [Fact]
    public async Task Ticking_a_group_on_the_users_groups_tab_shows_their_chats_to_the_groups_viewer_and_unticking_hides_them()
    {
        var (agent, chat) = await AgentWithAChatAsync();
        var group = await demo.Data.AddUserGroupAsync($"Team {TestData.Suffix()}");
        var otherGroup = await demo.Data.AddUserGroupAsync($"Other {TestData.Suffix()}");
        var viewer = await SignedInViewerAsync(RightsGrant.ForUserGroup(group.Id));
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var url = $"/manage/users/{agent.Id}/groups";

        var page = await admin.GetOkAsync(url);
        Assert.Contains("data-tab=\"Groups\"", page);
        Assert.Contains("aria-current=\"page\" data-tab=\"Groups\"", page);
        Assert.Empty(ManageHttp.Ticked(page, "Ids"));
        Assert.Contains(group.Id, ManageHttp.Offered(page, "Ids"));
        Assert.Empty(await RowsAsync(viewer));

        var saved = await admin.PostAsync(url, url, ("Ids", $"{group.Id}"), ("Ids", $"{otherGroup.Id}"), ("Version", ManageHttp.Version(page)));
        Assert.Equal(url + "?done=saved", ManageHttp.RedirectTarget(saved));
        Assert.Equal([chat.Name], await RowsAsync(viewer));
        Assert.Equal(new[] { group.Id, otherGroup.Id }.Order(), ManageHttp.Ticked(await admin.GetOkAsync(url), "Ids").Order());

        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, ("Ids", $"{otherGroup.Id}"), ("Version", ManageHttp.Version(await admin.GetOkAsync(url)))));
        Assert.Empty(await RowsAsync(viewer));

        var audits = await ManageHttp.AuditAsync(demo.ConnectionString, "user.groups_changed", agent.Id);
        Assert.Equal(2, audits.Count);
        Assert.Equal(("[]", $"[{string.Join(',', new[] { group.Id, otherGroup.Id }.Order())}]"), (audits[0].At("before.userGroups"), audits[0].At("after.userGroups")));
        Assert.Equal(($"[{string.Join(',', new[] { group.Id, otherGroup.Id }.Order())}]", $"[{otherGroup.Id}]"), (audits[1].At("before.userGroups"), audits[1].At("after.userGroups")));
    }

    [Fact]
    public async Task A_stale_users_groups_tab_is_refused_with_the_conflict_message()
    {
        var agent = await demo.Data.AddUserAsync(UserRole.Agent);
        var group = await demo.Data.AddUserGroupAsync($"Team {TestData.Suffix()}");
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var url = $"/manage/users/{agent.Id}/groups";
        var stale = ManageHttp.Version(await admin.GetOkAsync(url));
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, ("Ids", $"{group.Id}"), ("Version", stale)));

        var again = await admin.PostAsync(url, url, ("Version", stale));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Single(ManageHttp.FormErrors(html));
        Assert.Equal([group.Id], ManageHttp.Ticked(html, "Ids"));
        await using var db = demo.OpenDb();
        Assert.Equal([group.Id], await db.Users.Where(u => u.Id == agent.Id).SelectMany(u => u.Groups.Select(g => g.Id)).ToListAsync());
    }

    [Fact]
    public async Task Ticking_a_queue_into_a_queue_group_shows_its_chats_and_unticking_it_on_the_queues_page_hides_them()
    {
        var queue = await demo.Data.AddQueueAsync();
        var chat = await demo.Data.AddInteractionAsync(queue, Today);
        var group = await demo.Data.AddQueueGroupAsync($"South {TestData.Suffix()}");
        var viewer = await SignedInViewerAsync(RightsGrant.ForQueueGroup(group.Id));
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var url = $"/manage/queue-groups/{group.Id}";
        Assert.Empty(await RowsAsync(viewer));

        ManageHttp.RedirectTarget(await admin.PostAsync(url, url + "/members", ("Ids", $"{queue.Id}"), ("Version", ManageHttp.Version(await admin.GetOkAsync(url)))));
        Assert.Equal([chat.Name], await RowsAsync(viewer));

        // From the queue's side: its edit page ticks its queue groups.
        var queueUrl = $"/manage/queues/{queue.Id}";
        var queuePage = await admin.GetOkAsync(queueUrl);
        Assert.Equal([group.Id], ManageHttp.Ticked(queuePage, "GroupIds"));
        ManageHttp.RedirectTarget(await admin.PostAsync(queueUrl, queueUrl, ("Name", queue.Name), ("IsActive", "true"), ("Version", ManageHttp.Version(queuePage))));
        Assert.Empty(await RowsAsync(viewer));

        ManageHttp.RedirectTarget(await admin.PostAsync(queueUrl, queueUrl, ("Name", queue.Name), ("IsActive", "true"), ("GroupIds", $"{group.Id}"), ("Version", ManageHttp.Version(await admin.GetOkAsync(queueUrl)))));
        Assert.Equal([chat.Name], await RowsAsync(viewer));
        var audit = await ManageHttp.AuditAsync(demo.ConnectionString, "queue_group.members_changed", group.Id);
        Assert.Equal(("[]", $"[{queue.Id}]"), (Assert.Single(audit).At("before.members"), audit[0].At("after.members")));
    }

    [Theory]
    [InlineData("user-groups")]
    [InlineData("queue-groups")]
    public async Task Deleting_a_group_named_in_rights_says_so_removes_those_rights_and_the_viewers_rows(string path)
    {
        var (agent, chat) = await AgentWithAChatAsync();
        int groupId;
        RightsGrant grant;
        if (path == "user-groups")
        {
            groupId = (await demo.Data.AddUserGroupAsync($"Doomed {TestData.Suffix()}", agent)).Id;
            grant = RightsGrant.ForUserGroup(groupId);
        }
        else
        {
            groupId = (await demo.Data.AddQueueGroupAsync($"Doomed {TestData.Suffix()}", (await QueueOfAsync(chat))!)).Id;
            grant = RightsGrant.ForQueueGroup(groupId);
        }

        var viewer = await SignedInViewerAsync(grant);
        var secondViewer = await demo.Data.AddUserAsync(UserRole.Manager, grants: [path == "user-groups" ? RightsGrant.ForUserGroup(groupId) : RightsGrant.ForQueueGroup(groupId)]);
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        Assert.Equal([chat.Name], await RowsAsync(viewer));

        var confirmation = await admin.GetOkAsync($"/manage/{path}/{groupId}/delete");
        Assert.Contains("The rights of 2 users name this group: deleting it removes it from their rights", confirmation);
        Assert.Contains("The rights of 2 users name this group.", await admin.GetOkAsync($"/manage/{path}/{groupId}"));

        var deleted = await admin.PostAsync($"/manage/{path}/{groupId}/delete", $"/manage/{path}/{groupId}/delete", ("Version", ManageHttp.Version(confirmation)));
        ManageHttp.RedirectTarget(deleted);

        Assert.Empty(await RowsAsync(viewer));
        await using var db = demo.OpenDb();
        Assert.False(await db.RightsGrants.AnyAsync(g => g.UserGroupId == groupId || g.QueueGroupId == groupId));
        var subject = path == "user-groups" ? "user_group" : "queue_group";
        var audit = Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, $"{subject}.deleted", groupId));
        Assert.Equal($"[{string.Join(',', new[] { viewer.Id, secondViewer.Id }.Order())}]", audit.At("before.rightsOf"));
    }

    [Fact]
    public async Task A_stale_deletion_is_refused_and_the_group_stays()
    {
        var group = await demo.Data.AddUserGroupAsync($"Kept {TestData.Suffix()}");
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var confirmation = await admin.GetOkAsync($"/manage/user-groups/{group.Id}/delete");
        var url = $"/manage/user-groups/{group.Id}";
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url + "/rename", ("Name", $"Renamed {TestData.Suffix()}"), ("Version", ManageHttp.Version(await admin.GetOkAsync(url)))));

        var deleted = await admin.PostAsync(url, url + "/delete", ("Version", ManageHttp.Version(confirmation)));

        Assert.Equal(System.Net.HttpStatusCode.Conflict, deleted.StatusCode);
        Assert.Single(ManageHttp.FormErrors(await deleted.Content.ReadAsStringAsync()));
        await using var db = demo.OpenDb();
        Assert.True(await db.UserGroups.AnyAsync(g => g.Id == group.Id));
    }

    private async Task<(User Agent, Interaction Chat)> AgentWithAChatAsync()
    {
        var queue = await demo.Data.AddQueueAsync();
        var agent = await demo.Data.AddUserAsync(UserRole.Agent);
        var chat = await demo.Data.AddInteractionAsync(queue, Today);
        await demo.Data.AddActivityAsync(chat, agent, Today.AddMinutes(1));
        return (agent, chat);
    }

    private async Task<Queue?> QueueOfAsync(Interaction chat)
    {
        await using var db = demo.OpenDb();
        return await db.Queues.AsNoTracking().SingleOrDefaultAsync(q => q.Id == chat.QueueId);
    }

    /// <summary>A supervisor whose only right is <paramref name="grant"/>, signed in before any change is made.</summary>
    private async Task<SignedInViewer> SignedInViewerAsync(RightsGrant grant)
    {
        var user = await demo.Data.AddUserAsync(UserRole.Supervisor, grants: [grant]);
        var client = demo.App.CreateBrowserLikeClient();
        await client.SignInAsync(user.UserName!);
        return new SignedInViewer(user.Id, client);
    }

    private static Task<List<string>> RowsAsync(SignedInViewer viewer) => ListingPages.AllRowNamesAsync(viewer.Client, "time=today");

    private sealed record SignedInViewer(int Id, HttpClient Client);
}
