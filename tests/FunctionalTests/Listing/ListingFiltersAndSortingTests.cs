using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// Each filter, extended condition and sort column, for an agent and a supervisor, compared with the
/// rights rule and the condition written out independently in SQL here. Rows, order and count must match.
/// </summary>
public sealed class ListingFiltersAndSortingTests(DemoAppFixture database) : IClassFixture<DemoAppFixture>
{
    // Last 30 days in Prague at the demo instant: 2026-10-27 00:00 (UTC+1) to 2026-11-26 00:00.
    private const string Range = "i.time >= TIMESTAMPTZ '2026-10-26 23:00:00+00' AND i.time < TIMESTAMPTZ '2026-11-25 23:00:00+00'";
    private readonly WapListingAppFactory _app = database.App;

    public static TheoryData<string, string, string> Filters()
    {
        var data = new TheoryData<string, string, string>();
        (string Query, string Sql)[] filters =
        [
            ("", "TRUE"),
            ("user={agent}", "EXISTS (SELECT 1 FROM interaction_participants p WHERE p.interaction_id = i.id AND p.user_id = {agent})"),
            ("usergroup={team}", "EXISTS (SELECT 1 FROM interaction_participants p JOIN user_group_members m ON m.users_id = p.user_id WHERE p.interaction_id = i.id AND m.groups_id = {team})"),
            ("queue={support}", "i.queue_id = {support}"),
            ("queuegroup={czech}", "i.queue_id IN (SELECT queues_id FROM queue_group_members WHERE groups_id = {czech})"),
            ("contact=dvor", "EXISTS (SELECT 1 FROM contacts c WHERE c.id = i.contact_id AND (unaccent(lower(c.name)) LIKE '%dvor%' OR unaccent(lower(c.email)) LIKE '%dvor%'))"),
            ("sender=%2B420800123456", "(i.customer_number = '+420800123456' OR i.connector_id IN (SELECT id FROM connectors WHERE phone_number = '+420800123456'))"),
            ("direction=out", "i.direction = 'Out'"),
            ("answered=no", "NOT i.answered"),
            ("missed=1", "i.missed_state = 'Shown'"),
            ("missed=0", "i.missed_state = 'Removed'"),
            ("missed=no", "i.missed_state = 'ContactedBack'"),
            ("missed=none", "i.missed_state = 'None'"),
            ("endedby=timeout", "i.ended_by = 'Timeout'"),
            ("wacontact=STEPANKOVA", "unaccent(lower(i.whats_app_contact)) LIKE '%stepankova%'"),
            ("waitmin=60&waitmax=0:02:00", "i.wait_time BETWEEN 60 AND 120"),
            ("durmin=0:30:00", "i.duration >= 1800"),
            ("durmax=600", "i.duration <= 600"),
            ("hascontact=yes", "i.contact_id IS NOT NULL"),
            ("hascontact=no", "i.contact_id IS NULL"),
            ("hasticket=yes", "EXISTS (SELECT 1 FROM activities a WHERE a.interaction_id = i.id AND a.ticket_id IS NOT NULL)"),
            ("text=dekuji", "EXISTS (SELECT 1 FROM messages m WHERE m.interaction_id = i.id AND unaccent(lower(m.text)) LIKE '%dekuji%')"),
            ("answered=yes&direction=in&queue={support}", "i.answered AND i.direction = 'In' AND i.queue_id = {support}"),
        ];
        foreach (var user in new[] { "agent", "supervisor" })
        {
            foreach (var (query, sql) in filters)
            {
                data.Add(user, query, sql);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_shows_exactly_the_visible_matching_rows_newest_first(string userName, string filter, string condition)
    {
        var ids = await IdsAsync(userName);
        var query = Substitute(filter, ids);
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(userName);

        var shown = await ListingPages.AllRowNamesAsync(client, "time=last30days" + (query.Length > 0 ? "&" + query : ""));
        var expected = await ExpectedAsync(userName, Substitute(condition, ids), "i.time DESC, i.id DESC");

        Assert.Equal(expected, shown);
    }

    public static TheoryData<string, string, string> Sorts()
    {
        var data = new TheoryData<string, string, string>();
        (string Column, string Key)[] columns =
        [
            ("time", "i.time"),
            ("queue", "(SELECT name FROM queues q WHERE q.id = i.queue_id) COLLATE \"cs-x-icu\""),
            ("user", "(SELECT display_name FROM users u WHERE u.id = i.user_id) COLLATE \"cs-x-icu\""),
            ("contact", "(SELECT name FROM contacts c WHERE c.id = i.contact_id) COLLATE \"cs-x-icu\""),
            ("wacontact", "i.whats_app_contact COLLATE \"cs-x-icu\""),
            ("answered", "i.answered"),
            ("wait", "i.wait_time"),
            ("duration", "i.duration"),
            ("endedby", "i.ended_by"),
            ("connector", "(SELECT name FROM connectors c WHERE c.id = i.connector_id) COLLATE \"cs-x-icu\""),
            ("missed", "i.missed_state"),
            ("missedtime", "i.missed_time"),
        ];
        foreach (var user in new[] { "agent", "supervisor" })
        {
            foreach (var (column, key) in columns)
            {
                data.Add(user, $"sort={column}&dir=asc", $"{key} ASC, i.id ASC");
                data.Add(user, $"sort={column}&dir=desc", $"{key} DESC, i.id DESC");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Each_sort_column_orders_the_visible_rows_in_both_directions(string userName, string sort, string orderBy)
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(userName);

        var shown = await ListingPages.AllRowNamesAsync(client, "time=last30days&" + sort);
        var expected = await ExpectedAsync(userName, "TRUE", orderBy);

        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Czech_order_puts_C_with_caron_after_C_and_Ch_after_H()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin"); // Czech
        var names = new List<string>();
        for (var page = 1; page <= 20; page++)
        {
            var html = await ListingPages.GetOkAsync(client, $"/listing/wap?time=last30days&sort=wacontact&dir=asc&size=250&page={page}");
            var onPage = System.Text.RegularExpressions.Regex.Matches(html, "<td class=\"text-break\">([^<]*)</td>")
                .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            names.AddRange(onPage.Where(n => n.Length > 0 && char.IsLetter(n[0])));
            if (onPage.Count < 250)
            {
                break;
            }
        }

        int First(Func<string, bool> match) => names.FindIndex(n => match(n));
        int Last(Func<string, bool> match) => names.FindLastIndex(n => match(n));
        var plainC = Last(n => n.StartsWith('C') && !n.StartsWith("Ch", StringComparison.Ordinal));
        var caronC = First(n => n.StartsWith('Č'));
        var plainH = Last(n => n.StartsWith('H'));
        var ch = First(n => n.StartsWith("Ch", StringComparison.Ordinal));
        Assert.True(plainC >= 0 && caronC >= 0 && plainH >= 0 && ch >= 0, string.Join(", ", names.Distinct()));
        Assert.True(caronC > plainC, "Č must follow C");
        Assert.True(ch > plainH, "Ch must follow H");
    }

    [Fact]
    public async Task Paging_walks_all_rows_once_with_each_page_size()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var all = await ExpectedAsync("supervisor", "TRUE", "i.wait_time ASC, i.id ASC");
        foreach (var size in new[] { 25, 50, 100 })
        {
            var seen = new List<string>();
            for (var page = 1; page <= (all.Count / size) + 1; page++)
            {
                var html = await ListingPages.GetOkAsync(client, $"/listing/wap?time=last30days&sort=wait&dir=asc&size={size}&page={page}");
                seen.AddRange(ListingPages.RowNames(html));
            }

            Assert.Equal(all, seen);
        }
    }

    [Fact]
    public async Task Totals_count_the_filtered_set()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor");
        var html = await ListingPages.GetOkAsync(client, "/listing/wap?time=last30days");
        var expected = await ExpectedAsync("supervisor", "TRUE", "i.time DESC, i.id DESC");
        Assert.Equal(expected.Count.ToString("N0", new System.Globalization.CultureInfo("cs")), ListingPages.TotalCount(html));
    }

    [Fact]
    public async Task Deactivated_users_and_queues_are_offered_only_with_the_crossed_eye_toggle_but_their_rows_stay()
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var plain = await ListingPages.GetOkAsync(client, "/listing/wap?time=thisyear");
        var withToggle = await ListingPages.GetOkAsync(client, "/listing/wap?time=thisyear&inactive=1");

        Assert.DoesNotContain("Stará linka (zrušeno)</option>", plain);
        Assert.Contains("Stará linka (zrušeno) (deaktivováno)</option>", withToggle);
        // Three deactivated users and two deactivated queues.
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(withToggle, @"\(deaktivováno\)</option>"));
        await using var db = database.OpenDb();
        var oldLine = await db.Queues.Where(q => q.Name == "Stará linka (zrušeno)").Select(q => q.Id).SingleAsync();
        Assert.Contains("<td>Stará linka (zrušeno)</td>", await ListingPages.GetOkAsync(client, $"/listing/wap?time=thisyear&queue={oldLine}"));
    }

    [Fact]
    public async Task Ids_the_viewer_may_not_use_are_dropped_with_a_notice()
    {
        var ids = await IdsAsync();
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("agent");
        await using var db = database.OpenDb();
        var foreignQueue = await db.Queues.Where(q => q.Name == "Billing EN").Select(q => q.Id).SingleAsync();

        var html = await ListingPages.GetOkAsync(client, $"/listing/wap?time=last30days&queue={foreignQueue}&queue=999999");
        Assert.Contains(ListingPages.Notices(html), n => n.Contains('2', StringComparison.Ordinal));
        Assert.Equal(await ExpectedAsync("agent", "TRUE", "i.time DESC, i.id DESC"), await ListingPages.AllRowNamesAsync(client, $"time=last30days&queue={foreignQueue}"));
        Assert.DoesNotContain($"<option value=\"{foreignQueue}\"", html);
        Assert.True(ids.Count > 0);
    }

    private async Task<List<string>> ExpectedAsync(string userName, string condition, string orderBy)
    {
        // Plain ADO.NET: EF would wrap the SQL in a subquery, where ORDER BY is not guaranteed to survive.
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"""
            WITH viewer AS (SELECT * FROM users WHERE user_name = '{userName}'),
            permitted_queues AS (
                SELECT g.queue_id AS id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id WHERE g.queue_id IS NOT NULL
                UNION SELECT m.queues_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id
                      JOIN queue_group_members m ON m.groups_id = g.queue_group_id),
            permitted_people AS (
                SELECT g.user_id AS id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id WHERE g.user_id IS NOT NULL
                UNION SELECT m.users_id FROM rights_grants g JOIN viewer v ON g.viewer_id = v.id
                      JOIN user_group_members m ON m.groups_id = g.user_group_id)
            SELECT i.name FROM interactions i, viewer v
             WHERE {Range}
               AND (v.rights_all_queues
                    OR i.queue_id IN (SELECT id FROM permitted_queues)
                    OR EXISTS (SELECT 1 FROM interaction_participants p
                                WHERE p.interaction_id = i.id AND (v.rights_all_users OR p.user_id IN (SELECT id FROM permitted_people))))
               AND ({condition})
             ORDER BY {orderBy}
            """, connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Ids for the filters, each one the user may use (the agent may pick only Technická podpora).</summary>
    private async Task<Dictionary<string, int>> IdsAsync(string userName = "supervisor")
    {
        var queue = userName == "agent" ? "Technická podpora" : "Podpora CZ";
        await using var db = database.OpenDb();
        return new Dictionary<string, int>
        {
            ["agent"] = await db.Users.Where(u => u.UserName == "agent").Select(u => u.Id).SingleAsync(),
            ["team"] = await db.UserGroups.Where(g => g.Name == "Tým Podpora").Select(g => g.Id).SingleAsync(),
            ["support"] = await db.Queues.Where(q => q.Name == queue).Select(q => q.Id).SingleAsync(),
            ["czech"] = await db.QueueGroups.Where(g => g.Name == "Česko").Select(g => g.Id).SingleAsync(),
        };
    }

    private static string Substitute(string text, Dictionary<string, int> ids) =>
        ids.Aggregate(text, (current, id) => current.Replace("{" + id.Key + "}", id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
}
