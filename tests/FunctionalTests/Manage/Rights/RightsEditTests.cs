using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Detail;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Infrastructure.Browser;
using WapListing.FunctionalTests.Listing;

namespace WapListing.FunctionalTests.Manage.Rights;

/// <summary>
/// Manage → Users → Rights over real Kestrel and PostgreSQL: a saved edit changes what an already signed-in viewer's
/// very next request to the listing, the detail and the export returns, both ways and for every kind of grant; the
/// preview's numbers are what the user then sees; concurrent edits, unknown ids, the audit and hostile names.
/// </summary>
public sealed class RightsEditTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    private static readonly DateTimeOffset ChatTime = TestClock.DemoNow.AddMinutes(-20);

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var baseUrl = demo.App.StartOnRealPort();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        await client.SignInAsync(user);
        return client;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("user")]
    [InlineData("user group")]
    [InlineData("queue")]
    [InlineData("queue group")]
    [InlineData("all users")]
    [InlineData("all queues")]
    public async Task A_saved_edit_grants_and_revokes_on_the_signed_in_viewers_next_listing_detail_and_export(string kind)
    {
        var s = TestData.Suffix();
        var queue = await demo.Data.AddQueueAsync($"Fronta práv {s}");
        var agent = await demo.Data.AddUserAsync(UserRole.Agent);
        var chat = await demo.Data.AddInteractionAsync(queue, ChatTime);
        await demo.Data.AddActivityAsync(chat, agent, ChatTime.AddMinutes(1));
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor);
        (string, string)[] grant = kind switch
        {
            "user" => [("UserIds", Id(agent.Id))],
            "user group" => [("UserGroupIds", Id((await demo.Data.AddUserGroupAsync($"Tým práv {s}", agent)).Id))],
            "queue" => [("QueueIds", Id(queue.Id))],
            "queue group" => [("QueueGroupIds", Id((await demo.Data.AddQueueGroupAsync($"Skupina práv {s}", queue)).Id))],
            "all users" => [("AllUsers", "true")],
            "all queues" => [("AllQueues", "true")],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var viewerClient = await SignedInAsync(viewer.UserName!);
        var admin = await SignedInAsync("admin");
        await AssertSeesAsync(viewerClient, chat.Name, false);

        await RightsForms.SaveOkAsync(admin, viewer.Id, grant);
        await AssertSeesAsync(viewerClient, chat.Name, true);

        await RightsForms.SaveOkAsync(admin, viewer.Id);
        await AssertSeesAsync(viewerClient, chat.Name, false);
    }

    [Fact]
    public async Task The_previews_numbers_are_what_the_user_then_sees_in_the_listing()
    {
        await using var db = demo.OpenDb();
        var support = await db.UserGroups.Where(g => g.Name == "Tým Podpora").Select(g => new { g.Id, Members = g.Users.Select(u => u.Id).ToList() }).SingleAsync();
        var czechia = await db.QueueGroups.Where(g => g.Name == "Česko").Select(g => new { g.Id, Queues = g.Queues.Count }).SingleAsync();
        var billing = await db.Queues.Where(q => q.Name == "Billing EN").Select(q => q.Id).SingleAsync();
        var outsider = await db.Users.Where(u => u.UserName == "manager").Select(u => u.Id).SingleAsync();
        var viewer = await demo.Data.AddUserAsync(UserRole.Manager);
        await db.Users.Where(u => u.Id == viewer.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, "Europe/London"));
        var admin = await SignedInAsync("admin");
        (string, string)[] selection =
            [("UserGroupIds", Id(support.Id)), ("UserIds", Id(outsider)), ("UserIds", Id(support.Members[0])), ("QueueGroupIds", Id(czechia.Id)), ("QueueIds", Id(billing))];

        using var preview = await RightsForms.PreviewAsync(admin, viewer.Id, selection);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(0, RightsForms.Count(html, "current", "today"));
        Assert.Equal(0, RightsForms.Count(html, "current", "users"));
        Assert.Equal(support.Members.Append(outsider).Distinct().Count(), RightsForms.Count(html, "proposed", "users"));
        Assert.Equal(czechia.Queues + 1, RightsForms.Count(html, "proposed", "queues"));
        var previewedToday = RightsForms.Count(html, "proposed", "today");
        Assert.True(previewedToday > 0);
        Assert.Contains("Europe/London", html, StringComparison.Ordinal);
        Assert.Empty(await db.RightsGrants.Where(g => g.ViewerId == viewer.Id).ToListAsync());

        await RightsForms.SaveOkAsync(admin, viewer.Id, selection);

        var viewerClient = await SignedInAsync(viewer.UserName!);
        var listing = await ListingPages.GetOkAsync(viewerClient, "/listing/wap");
        Assert.Equal(previewedToday.ToString("N0", CultureInfo.GetCultureInfo("cs")), ListingPages.TotalCount(listing));
        var saved = await RightsForms.GetPageAsync(admin, viewer.Id);
        Assert.Equal(previewedToday, RightsForms.Count(saved, "current", "today"));
        Assert.DoesNotContain("data-testid=\"proposed-today\"", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_counts_every_user_and_queue_and_shows_what_the_listing_shows()
    {
        await using var db = demo.OpenDb();
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor);
        var admin = await SignedInAsync("admin");
        (string, string)[] all = [("AllUsers", "true"), ("AllQueues", "true")];

        var html = await (await RightsForms.PreviewAsync(admin, viewer.Id, all)).Content.ReadAsStringAsync();

        Assert.Equal(await db.Users.CountAsync(), RightsForms.Count(html, "proposed", "users"));
        Assert.Equal(await db.Queues.CountAsync(), RightsForms.Count(html, "proposed", "queues"));
        await RightsForms.SaveOkAsync(admin, viewer.Id, all);
        var viewerClient = await SignedInAsync(viewer.UserName!);
        var total = ListingPages.TotalCount(await ListingPages.GetOkAsync(viewerClient, "/listing/wap"));
        Assert.Equal(RightsForms.Count(html, "proposed", "today").ToString("N0", CultureInfo.GetCultureInfo("cs")), total);
    }

    [Fact]
    public async Task A_concurrent_edit_is_refused_with_a_message_even_when_only_grants_change()
    {
        var first = await demo.Data.AddQueueAsync();
        var second = await demo.Data.AddQueueAsync();
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor);
        var alice = await SignedInAsync("admin");
        var bob = await SignedInAsync("admin");
        var readByBob = RightsForms.Version(await RightsForms.GetPageAsync(bob, viewer.Id));

        await RightsForms.SaveOkAsync(alice, viewer.Id, ("QueueIds", Id(first.Id)));
        using var late = await RightsForms.SaveAsync(bob, viewer.Id, [("QueueIds", Id(second.Id))], readByBob);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.StartsWith("Záznam mezitím změnil někdo jiný.", RightsForms.Notice(html), StringComparison.Ordinal);
        Assert.Contains((first.Id, true), RightsForms.Boxes(html, "QueueIds"));
        Assert.Contains((second.Id, false), RightsForms.Boxes(html, "QueueIds"));
        await using var db = demo.OpenDb();
        Assert.Equal([first.Id], await db.RightsGrants.Where(g => g.ViewerId == viewer.Id).Select(g => g.QueueId!.Value).ToListAsync());
        Assert.Single(await RightsAuditsAsync(db, viewer.Id));
    }

    [Theory]
    [InlineData("UserIds")]
    [InlineData("UserGroupIds")]
    [InlineData("QueueIds")]
    [InlineData("QueueGroupIds")]
    public async Task Ids_that_do_not_exist_are_refused_and_nothing_is_saved(string field)
    {
        var queue = await demo.Data.AddQueueAsync();
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue(queue.Id)]);
        var admin = await SignedInAsync("admin");

        using var response = await RightsForms.SaveAsync(admin, viewer.Id, [("AllUsers", "true"), (field, int.MaxValue.ToString(CultureInfo.InvariantCulture))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Někteří vybraní uživatelé, skupiny nebo fronty neexistují", RightsForms.Notice(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using var db = demo.OpenDb();
        var stored = await db.Users.Where(u => u.Id == viewer.Id).Select(u => new { u.RightsAllUsers, Queues = u.RightsGrants.Select(g => g.QueueId).ToList() }).SingleAsync();
        Assert.False(stored.RightsAllUsers);
        Assert.Equal([queue.Id], stored.Queues);
        Assert.Empty(await RightsAuditsAsync(db, viewer.Id));
    }

    [Fact]
    public async Task A_save_is_audited_with_the_rights_before_and_after()
    {
        var s = TestData.Suffix();
        var old = await demo.Data.AddQueueAsync();
        var fresh = await demo.Data.AddQueueAsync();
        var agent = await demo.Data.AddUserAsync(UserRole.Agent);
        var team = await demo.Data.AddUserGroupAsync($"Audit tým {s}", agent);
        var queues = await demo.Data.AddQueueGroupAsync($"Audit fronty {s}", fresh);
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue(old.Id)]);
        var admin = await SignedInAsync("admin");

        await RightsForms.SaveOkAsync(admin, viewer.Id,
            ("AllQueues", "true"), ("UserIds", Id(agent.Id)), ("UserGroupIds", Id(team.Id)), ("QueueIds", Id(fresh.Id)), ("QueueGroupIds", Id(queues.Id)));

        await using var db = demo.OpenDb();
        var adminId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
        var entry = Assert.Single(await RightsAuditsAsync(db, viewer.Id));
        Assert.Equal(adminId, entry.UserId);
        Assert.Equal(TestClock.DemoNow, entry.Time);
        using var detail = JsonDocument.Parse(entry.Detail!);
        var root = detail.RootElement;
        Assert.Equal("user", root.GetProperty("subject").GetString());
        Assert.Equal(viewer.Id, root.GetProperty("id").GetInt32());
        Assert.Equal("allUsers=False allQueues=False userIds=[] userGroupIds=[] queueIds=[" + old.Id + "] queueGroupIds=[]", Rights(root.GetProperty("before")));
        Assert.Equal(
            $"allUsers=False allQueues=True userIds=[{agent.Id}] userGroupIds=[{team.Id}] queueIds=[{fresh.Id}] queueGroupIds=[{queues.Id}]",
            Rights(root.GetProperty("after")));
    }

    [Fact]
    public async Task Hostile_group_and_queue_names_are_shown_as_text()
    {
        const string hostile = "<script>alert(1)</script>";
        await demo.Data.AddUserGroupAsync(hostile + " tým");
        await demo.Data.AddQueueGroupAsync(hostile + " fronty");
        var connector = await demo.Data.AddConnectorAsync(hostile + " konektor", "+420800999111");
        await demo.Data.AddQueueAsync(hostile + " fronta", connector: connector);
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor, displayName: hostile + " Nováková");
        var admin = await SignedInAsync("admin");

        var html = await RightsForms.GetPageAsync(admin, viewer.Id);

        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        const string encoded = "&lt;script&gt;alert(1)&lt;/script&gt;";
        Assert.Contains($"<span data-testid=\"option-name\">{encoded} tým</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<span data-testid=\"option-name\">{encoded} fronty</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<span data-testid=\"option-name\">{encoded} fronta</span>", html, StringComparison.Ordinal);
        Assert.Contains($"· {encoded} konektor</span>", html, StringComparison.Ordinal);
        Assert.Contains($"{encoded} Nováková", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivated_ones_are_listed_on_request_and_always_when_chosen()
    {
        var idle = await demo.Data.AddQueueAsync(isActive: false);
        var chosen = await demo.Data.AddQueueAsync(isActive: false);
        var leaver = await demo.Data.AddUserAsync(UserRole.Agent, isActive: false);
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor, grants: [RightsGrant.ForQueue(chosen.Id)]);
        var admin = await SignedInAsync("admin");

        var plain = await RightsForms.GetPageAsync(admin, viewer.Id);
        var all = await RightsForms.GetPageAsync(admin, viewer.Id, "showDeactivated=1");

        Assert.DoesNotContain(RightsForms.Boxes(plain, "QueueIds"), b => b.Id == idle.Id);
        Assert.DoesNotContain(RightsForms.Boxes(plain, "UserIds"), b => b.Id == leaver.Id);
        Assert.Contains((chosen.Id, true), RightsForms.Boxes(plain, "QueueIds"));
        Assert.Contains((idle.Id, false), RightsForms.Boxes(all, "QueueIds"));
        Assert.Contains((leaver.Id, false), RightsForms.Boxes(all, "UserIds"));
        Assert.Contains((chosen.Id, true), RightsForms.Boxes(all, "QueueIds"));
    }

    [Fact]
    public async Task Without_javascript_a_tab_button_opens_its_tab_and_keeps_the_ticked_boxes_unsaved()
    {
        var queue = await demo.Data.AddQueueAsync();
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor);
        var admin = await SignedInAsync("admin");
        Assert.Contains("class=\"tab-pane show active\" id=\"rights-pane-users\"", await RightsForms.GetPageAsync(admin, viewer.Id), StringComparison.Ordinal);
        Assert.Contains("class=\"tab-pane show active\" id=\"rights-pane-queues\"", await RightsForms.GetPageAsync(admin, viewer.Id, "tab=queues"), StringComparison.Ordinal);

        using var response = await RightsForms.PreviewAsync(admin, viewer.Id, [("Tab", "users"), ("SwitchTo", "queues"), ("QueueIds", Id(queue.Id))]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("class=\"tab-pane show active\" id=\"rights-pane-queues\"", html, StringComparison.Ordinal);
        Assert.Contains((queue.Id, true), RightsForms.Boxes(html, "QueueIds"));
        Assert.Equal(1, RightsForms.Count(html, "proposed", "queues"));
        await using var db = demo.OpenDb();
        Assert.False(await db.RightsGrants.AnyAsync(g => g.ViewerId == viewer.Id));
    }

    [Theory]
    [InlineData("cs", new[] { "Cena", "Čistá", "Hotel", "Chata" })]
    [InlineData("en", new[] { "Cena", "Chata", "Čistá", "Hotel" })]
    public async Task Choices_are_sorted_by_name_in_the_viewers_language(string language, string[] expected)
    {
        var s = TestData.Suffix();
        var ids = new Dictionary<int, string>();
        foreach (var name in new[] { "Hotel", "Chata", "Čistá", "Cena" })
        {
            ids[(await demo.Data.AddQueueAsync($"Řazení {s} {name}")).Id] = name;
        }

        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor);
        var administrator = await demo.Data.AddUserAsync(UserRole.Administrator, language: language);
        var client = await SignedInAsync(administrator.UserName!);

        var html = await RightsForms.GetPageAsync(client, viewer.Id, "tab=queues");

        Assert.Equal(expected, RightsForms.Boxes(html, "QueueIds").Where(b => ids.ContainsKey(b.Id)).Select(b => ids[b.Id]).ToArray());
    }

    [Fact]
    public async Task The_overview_links_each_user_to_their_rights()
    {
        var viewer = await demo.Data.AddUserAsync(UserRole.Supervisor);
        var admin = await SignedInAsync("admin");

        var html = await admin.GetStringAsync("/manage");

        Assert.Contains($"href=\"/manage/users/{viewer.Id}/rights\" data-testid=\"edit-rights\">Upravit práva</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    [InlineData("agent")]
    public async Task Only_administrators_may_open_or_save_rights(string user)
    {
        var viewer = await demo.Data.AddUserAsync(UserRole.Agent);
        var client = await SignedInAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(RightsForms.PageUrl(viewer.Id))).StatusCode);
        var token = HttpSignIn.AntiforgeryToken(await client.GetStringAsync("/listing/wap"));
        using var save = await client.PostAsync(RightsForms.PageUrl(viewer.Id), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["AllUsers"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        await using var db = demo.OpenDb();
        Assert.False(await db.Users.Where(u => u.Id == viewer.Id).Select(u => u.RightsAllUsers).SingleAsync());
    }

    [Fact]
    public async Task An_unknown_user_is_404()
    {
        var admin = await SignedInAsync("admin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(RightsForms.PageUrl(int.MaxValue))).StatusCode);
    }

    /// <summary>The <c>rights.updated</c> entries about one user.</summary>
    private static async Task<List<AuditEntry>> RightsAuditsAsync(WapListing.Infrastructure.Data.WapListingDbContext db, int userId) =>
        (await db.AuditEntries.Where(a => a.Action == "rights.updated").ToListAsync())
            .Where(a =>
            {
                using var detail = JsonDocument.Parse(a.Detail!);
                return detail.RootElement.GetProperty("id").GetInt32() == userId;
            })
            .ToList();

    private static string Rights(JsonElement rights)
    {
        string Ids(string name) => "[" + string.Join(",", rights.GetProperty(name).EnumerateArray().Select(e => e.GetInt32())) + "]";
        return $"allUsers={rights.GetProperty("allUsers").GetBoolean()} allQueues={rights.GetProperty("allQueues").GetBoolean()} "
            + $"userIds={Ids("userIds")} userGroupIds={Ids("userGroupIds")} queueIds={Ids("queueIds")} queueGroupIds={Ids("queueGroupIds")}";
    }

    /// <summary>The viewer's next requests: the chat in today's listing, its detail, today's CSV export — or none of them.</summary>
    private static async Task AssertSeesAsync(HttpClient viewer, string name, bool sees)
    {
        var listing = await ListingPages.AllRowNamesAsync(viewer, "time=today");
        Assert.Equal(sees, listing.Contains(name));
        var detail = await viewer.GetAsync(DetailSupport.Page(name));
        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, detail.StatusCode);
        var export = await viewer.GetAsync("/listing/wap/export/download?time=today&format=csv&column=Name");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var (_, rows) = CsvReadBack.Read(await export.Content.ReadAsByteArrayAsync(), ';');
        Assert.Equal(sees, rows.Any(r => r[0] == name));
        Assert.Equal(listing, rows.Select(r => r[0]).ToList());
    }
}
