using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using EndedByValue = WapListing.Domain.Entities.EndedBy;
using MissedValue = WapListing.Domain.Entities.MissedState;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// Each filter, extended condition and sort column, for an agent and a supervisor, compared with the
/// rights oracle and the condition written out independently in SQL here. Rows, order and count must match.
/// </summary>
public sealed partial class ListingFiltersAndSortingTests(DemoAppFixture database) : IClassFixture<DemoAppFixture>
{
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
        var expected = await ExpectedAsync(userName, Substitute(condition, ids), RightsOracle.NewestFirst);

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
            // Demo agent and supervisor read Czech: the enum columns sort by their Czech words.
            ("endedby", "CASE i.ended_by WHEN 'Customer' THEN 'Zákazník' WHEN 'Agent' THEN 'Operátor' WHEN 'Timeout' THEN 'Vypršel čas' WHEN 'NoAgent' THEN 'Žádný operátor' WHEN 'OutOfHours' THEN 'Mimo pracovní dobu' WHEN 'System' THEN 'Systém' END COLLATE \"cs-x-icu\""),
            ("connector", "(SELECT name FROM connectors c WHERE c.id = i.connector_id) COLLATE \"cs-x-icu\""),
            ("missed", "CASE i.missed_state WHEN 'None' THEN '' WHEN 'Shown' THEN 'Zmeškané (1)' WHEN 'Removed' THEN 'Odebráno ze zmeškaných (0)' WHEN 'ContactedBack' THEN 'Kontaktováno zpět (NO)' END COLLATE \"cs-x-icu\""),
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
        var queue = await database.Data.AddQueueAsync();
        // Made in an order that is neither the Czech one nor that of time, id, code points or the root collation.
        string[] madeInThisOrder = ["Hana", "Adéla", "Iveta", "Čeněk", "Chrudoš", "Cyril"];
        for (var i = 0; i < madeInThisOrder.Length; i++)
        {
            var name = madeInThisOrder[i];
            await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddHours(-3).AddMinutes(i), chat => chat.WhatsAppContact = name);
        }

        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin"); // Czech

        var html = await ListingPages.GetOkAsync(client, $"/listing/wap?queue={queue.Id}&sort=wacontact&dir=asc");

        var shown = WhatsAppContactCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(["Adéla", "Cyril", "Čeněk", "Hana", "Chrudoš", "Iveta"], shown);
    }

    [Theory]
    [InlineData("jan_nov", "jan_novak")]
    [InlineData("100%", "sleva 100% hned")]
    [InlineData("c:\\temp", "c:\\temp\\x")]
    public async Task Underscores_percent_signs_and_backslashes_in_a_text_filter_match_only_themselves(string typed, string matching)
    {
        var queue = await database.Data.AddQueueAsync();
        var wanted = await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddHours(-2), chat => chat.WhatsAppContact = matching);
        // What the wildcards would also match if _ and % were not literal.
        await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddHours(-2).AddMinutes(1), chat => chat.WhatsAppContact = matching.Replace("_", "x", StringComparison.Ordinal).Replace("%", "0", StringComparison.Ordinal).Replace("\\", "/", StringComparison.Ordinal));
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin");

        var names = await ListingPages.AllRowNamesAsync(client, $"queue={queue.Id}&wacontact={Uri.EscapeDataString(typed)}");

        Assert.Equal([wanted.Name], names);
    }

    [Theory]
    [InlineData("cs", "Mimo pracovní dobu|Operátor|Systém|Vypršel čas|Zákazník|Žádný operátor")]
    [InlineData("en", "Agent|Customer|No agent|Out of hours|System|Timeout")]
    public async Task Ended_by_sorts_by_the_words_the_viewer_reads(string language, string expected)
    {
        var queue = await database.Data.AddQueueAsync();
        // Made in an order that is neither that of the English nor that of the Czech words.
        EndedByValue[] madeInThisOrder = [EndedByValue.System, EndedByValue.NoAgent, EndedByValue.Customer, EndedByValue.OutOfHours, EndedByValue.Timeout, EndedByValue.Agent];
        for (var i = 0; i < madeInThisOrder.Length; i++)
        {
            var endedBy = madeInThisOrder[i];
            await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddHours(-3).AddMinutes(i), chat => chat.EndedBy = endedBy);
        }

        var viewer = await database.Data.AddUserAsync(WapListing.Domain.Entities.UserRole.Supervisor, language: language, grants: [WapListing.Domain.Entities.RightsGrant.ForQueue(queue.Id)]);
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(viewer.UserName!);

        var ascending = await ListingPages.GetOkAsync(client, $"/listing/wap?sort=endedby&dir=asc");
        var descending = await ListingPages.GetOkAsync(client, $"/listing/wap?sort=endedby&dir=desc");

        Assert.Equal(expected.Split('|'), EndedByCells(ascending));
        Assert.Equal(expected.Split('|').Reverse(), EndedByCells(descending));
    }

    [Theory]
    [InlineData("cs", "|Kontaktováno zpět (NO)|Odebráno ze zmeškaných (0)|Zmeškané (1)")]
    [InlineData("en", "|Contacted back (NO)|Missed (1)|Removed from missed (0)")]
    public async Task Missed_sorts_by_the_words_the_viewer_reads(string language, string expected)
    {
        var queue = await database.Data.AddQueueAsync();
        MissedValue[] madeInThisOrder = [MissedValue.Removed, MissedValue.Shown, MissedValue.None, MissedValue.ContactedBack];
        for (var i = 0; i < madeInThisOrder.Length; i++)
        {
            var state = madeInThisOrder[i];
            await database.Data.AddInteractionAsync(queue, TestClock.DemoNow.AddHours(-3).AddMinutes(i), chat => chat.MissedState = state);
        }

        var viewer = await database.Data.AddUserAsync(WapListing.Domain.Entities.UserRole.Supervisor, language: language, grants: [WapListing.Domain.Entities.RightsGrant.ForQueue(queue.Id)]);
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(viewer.UserName!);

        var html = await ListingPages.GetOkAsync(client, $"/listing/wap?sort=missed&dir=asc");

        Assert.Equal(expected.Split('|'), MissedCells(html));
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
        var expected = await ExpectedAsync("supervisor", "TRUE", RightsOracle.NewestFirst);
        Assert.Equal(expected.Count.ToString("N0", new System.Globalization.CultureInfo("cs")), ListingPages.TotalCount(html));
    }

    [Fact]
    public async Task Deactivated_users_and_queues_are_offered_only_with_the_crossed_eye_toggle_but_their_rows_stay()
    {
        var closedLine = await database.Data.AddQueueAsync($"Zrušená linka {TestData.Suffix()}", isActive: false);
        var chat = await database.Data.AddInteractionAsync(closedLine, TestClock.DemoNow.AddDays(-40));
        int deactivated;
        await using (var db = database.OpenDb())
        {
            deactivated = await db.Users.CountAsync(u => !u.IsActive) + await db.Queues.CountAsync(q => !q.IsActive);
        }

        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin");
        var plain = await ListingPages.GetOkAsync(client, "/listing/wap?time=thisyear");
        var withToggle = await ListingPages.GetOkAsync(client, "/listing/wap?time=thisyear&inactive=1");

        // Rendered always, so the toggle's script shows them at once; hidden until the toggle is on.
        Assert.Contains($"<option value=\"{closedLine.Id}\" class=\"deactivated-option\" hidden=\"hidden\">{closedLine.Name} (deaktivováno)</option>", plain);
        Assert.Contains($"<option value=\"{closedLine.Id}\" class=\"deactivated-option\">{closedLine.Name} (deaktivováno)</option>", withToggle);
        Assert.Equal(deactivated, Regex.Count(plain, @"class=""deactivated-option"" hidden=""hidden"">[^<]*\(deaktivováno\)</option>"));
        Assert.Equal(0, Regex.Count(plain, @"<option [^>]*class=""deactivated-option"">"));
        Assert.Equal(0, Regex.Count(withToggle, @"hidden=""hidden"">[^<]*\(deaktivováno\)</option>"));
        Assert.Equal(deactivated, Regex.Count(withToggle, @"\(deaktivováno\)</option>"));
        Assert.Contains("/js/listing.js", plain);
        var filtered = await ListingPages.GetOkAsync(client, $"/listing/wap?time=thisyear&queue={closedLine.Id}");
        Assert.Equal([chat.Name], ListingPages.RowNames(filtered));
        Assert.Contains($"<td>{closedLine.Name}</td>", filtered);
        Assert.Contains($"<option value=\"{closedLine.Id}\" selected=\"selected\" class=\"deactivated-option\">", filtered);
    }

    [Fact]
    public async Task Ids_the_viewer_may_not_use_are_dropped_with_a_notice()
    {
        var foreignQueue = await database.Data.AddQueueAsync();
        await database.Data.AddInteractionAsync(foreignQueue, TestClock.DemoNow.AddDays(-1));
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("agent");

        var html = await ListingPages.GetOkAsync(client, $"/listing/wap?time=last30days&queue={foreignQueue.Id}&queue=999999");

        Assert.Equal(["2 položky filtru, které nesmíte použít (nebo neexistují), byly vynechány."], ListingPages.Notices(html));
        Assert.DoesNotContain($"<option value=\"{foreignQueue.Id}\"", html);
        Assert.Equal(await ExpectedAsync("agent", "TRUE", RightsOracle.NewestFirst), await ListingPages.AllRowNamesAsync(client, $"time=last30days&queue={foreignQueue.Id}"));
    }

    private async Task<List<string>> ExpectedAsync(string userName, string condition, string orderBy) =>
        await RightsOracle.VisibleInteractionNamesAsync(
            database.ConnectionString, await RightsOracle.UserIdAsync(database.ConnectionString, userName), DemoRanges.Last30Days, condition, orderBy);

    /// <summary>Ids for the filters, each one the user may use (the agent may pick only Technická podpora).</summary>
    private async Task<Dictionary<string, int>> IdsAsync(string userName)
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

    private static List<string> EndedByCells(string html) => EndedByCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static List<string> MissedCells(string html) => MissedCell().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    [GeneratedRegex("<td data-testid=\"cell-endedby\">([^<]*)</td>")]
    private static partial Regex EndedByCell();

    [GeneratedRegex("<td data-testid=\"cell-missed\">([^<]*)</td>")]
    private static partial Regex MissedCell();

    [GeneratedRegex("<td class=\"text-break\">([^<]*)</td>")]
    private static partial Regex WhatsAppContactCell();
}
