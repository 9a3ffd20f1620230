using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;

namespace WapListing.FunctionalTests.Listing;

/// <summary>
/// The filter pickers are kept between requests, under the viewer's rights and the catalog's version that each request's
/// sign-in statement reads. These tests prove the kept list is used (one statement fewer) and never outlives a change:
/// whatever changes the users, queues, their groups, connectors or the viewer's rights, by the app or by plain SQL, the
/// very next page lists it.
/// </summary>
public sealed class PickerCacheTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_pickers_are_kept_between_pages_and_the_next_page_after_any_change_lists_it()
    {
        var counter = new CommandCounter();
        using var app = demo.App.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.ConfigureDbContext<WapListingDbContext>(options => options.AddInterceptors(counter))));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync("supervisor");
        var (queueId, queueName) = await FirstPickedAsync(client, "queue");

        async Task<(string Html, int Commands)> PageAsync()
        {
            var before = counter.Count;
            var html = await ListingPages.GetOkAsync(client, "/listing/wap");
            return (html, counter.Count - before);
        }

        // Once read, the list is kept: the viewer with the rights, totals, rows.
        await PageAsync();
        var (page, commands) = await PageAsync();
        Assert.Equal(3, commands);
        Assert.Equal(queueName, Option(page, "queue", queueId));

        // Renamed by plain SQL, outside the app: the next page reads the list again and shows the new name.
        var renamed = queueName + " (renamed)";
        await using (var db = demo.OpenDb())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE queues SET name = {renamed} WHERE id = {queueId}");
        }

        (page, commands) = await PageAsync();
        Assert.Equal(4, commands);
        Assert.Equal(renamed, Option(page, "queue", queueId));
        (page, commands) = await PageAsync();
        Assert.Equal(3, commands);

        // A user deactivated in Manage's way (the app's context), a queue group gaining the queue, a connector's new name.
        await using (var db = demo.OpenDb())
        {
            var userId = (await FirstPickedAsync(client, "user")).Id;
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.IsActive = false;
            await db.SaveChangesAsync();
            page = (await PageAsync()).Html;
            Assert.Contains("deactivated-option", OptionTag(page, "user", user.Id), StringComparison.Ordinal);

            var group = new QueueGroup { Name = "Cache proof group" };
            db.QueueGroups.Add(group);
            await db.SaveChangesAsync();
            Assert.Null(Option((await PageAsync()).Html, "queuegroup", group.Id));
            await db.Database.ExecuteSqlAsync($"INSERT INTO queue_group_members (groups_id, queues_id) VALUES ({group.Id}, {queueId})");
            Assert.Equal("Cache proof group", Option((await PageAsync()).Html, "queuegroup", group.Id));

            var connector = await db.Connectors.OrderBy(c => c.Id).FirstAsync();
            connector.Name += " (new name)";
            await db.SaveChangesAsync();
            Assert.Contains(WebUtility.HtmlEncode(connector.Name), (await PageAsync()).Html, StringComparison.Ordinal);
        }

        // A queue granted to the viewer: their rights are read with every request, so the next page lists it.
        await using (var db = demo.OpenDb())
        {
            var newQueue = new Queue { Name = "Granted just now" };
            db.Queues.Add(newQueue);
            await db.SaveChangesAsync();
            await PageAsync();
            Assert.Equal(3, (await PageAsync()).Commands);
            var supervisorId = await db.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync();
            await db.Database.ExecuteSqlAsync($"INSERT INTO rights_grants (viewer_id, queue_id) VALUES ({supervisorId}, {newQueue.Id})");
            Assert.Equal("Granted just now", Option((await PageAsync()).Html, "queue", newQueue.Id));

            await db.Database.ExecuteSqlAsync($"DELETE FROM rights_grants WHERE viewer_id = {supervisorId} AND queue_id = {newQueue.Id}");
            Assert.Null(Option((await PageAsync()).Html, "queue", newQueue.Id));
        }
    }

    private static async Task<(int Id, string Name)> FirstPickedAsync(HttpClient client, string picker)
    {
        var html = await ListingPages.GetOkAsync(client, "/listing/wap");
        var match = OptionPattern(picker).Match(html);
        Assert.True(match.Success, $"The {picker} picker is empty.");
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), WebUtility.HtmlDecode(match.Groups[2].Value));
    }

    /// <summary>The text of the picker's option with this id, or null when the picker does not offer it.</summary>
    private static string? Option(string html, string picker, int id)
    {
        var match = Regex.Match(Picker(html, picker), $"<option value=\"{id}\"[^>]*>([^<]*)</option>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string OptionTag(string html, string picker, int id) =>
        Regex.Match(Picker(html, picker), $"<option value=\"{id}\"[^>]*>").Value;

    private static string Picker(string html, string picker) =>
        Regex.Match(html, $"<select id=\"{picker}\".*?</select>", RegexOptions.Singleline).Value;

    private static Regex OptionPattern(string picker) =>
        new($"<select id=\"{picker}\"[^>]*>\\s*<option value=\"(\\d+)\"[^>]*>([^<]*)</option>", RegexOptions.Singleline);
}
