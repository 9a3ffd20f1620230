using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Manage.Groups;

namespace WapListing.FunctionalTests.Manage.Queues;

/// <summary>Manage → Queues: create, list, edit (connector, active, external key, groups), unique keys, concurrency, audit.</summary>
public sealed class QueuesTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_queue_is_created_listed_and_edited_each_step_audited()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var s = TestData.Suffix();
        var connector = await demo.Data.AddConnectorAsync($"Line {s}", "+420800111222");
        var otherConnector = await demo.Data.AddConnectorAsync($"Other line {s}", "+420800111333");
        var north = await demo.Data.AddQueueGroupAsync($"North {s}");
        var south = await demo.Data.AddQueueGroupAsync($"South {s}");

        var created = await admin.PostAsync("/manage/queues/new", "/manage/queues",
            ("Name", $" Claims {s} "), ("ConnectorId", $"{connector.Id}"), ("IsActive", "true"), ("ExternalKey", $" claims-{s} "), ("GroupIds", $"{north.Id}"));
        var target = ManageHttp.RedirectTarget(created);
        var id = int.Parse(Regex.Match(target, "^/manage/queues/(\\d+)\\?done=created$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var page = await admin.GetOkAsync(target);
        Assert.Contains($"value=\"Claims {s}\"", page);
        Assert.Contains($"value=\"claims-{s}\"", page);
        Assert.Contains($"<option value=\"{connector.Id}\" selected=\"selected\">", page);
        Assert.Equal([north.Id], ManageHttp.Ticked(page, "GroupIds"));

        var list = await admin.GetOkAsync("/manage/queues");
        var row = Regex.Match(list, $"<tr data-queue=\"{id}\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains($">Claims {s}</a>", row);
        Assert.Contains($"data-testid=\"connector\">Line {s}</td>", row);
        Assert.Contains($"data-testid=\"external-key\">claims-{s}</td>", row);
        Assert.Contains($">North {s}</span>", row);

        var saved = await admin.PostAsync(target, $"/manage/queues/{id}",
            ("Name", $"Claims B {s}"), ("ConnectorId", $"{otherConnector.Id}"), ("ExternalKey", ""), ("GroupIds", $"{south.Id}"), ("Version", ManageHttp.Version(page)));
        Assert.Equal($"/manage/queues/{id}?done=saved", ManageHttp.RedirectTarget(saved));
        await using var db = demo.OpenDb();
        var queue = await db.Queues.Include(q => q.Groups).SingleAsync(q => q.Id == id);
        Assert.Equal(($"Claims B {s}", otherConnector.Id, false, (string?)null), (queue.Name, queue.ConnectorId, queue.IsActive, queue.ExternalKey));
        Assert.Equal([south.Id], queue.Groups.Select(g => g.Id));

        var createdEntry = Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, "queue.created", id));
        Assert.Equal(
            [$"\"Claims {s}\"", $"{connector.Id}", "true", $"\"claims-{s}\"", $"[{north.Id}]"],
            new[] { "name", "connectorId", "isActive", "externalKey", "groupIds" }.Select(f => createdEntry.At("after." + f)));
        var updatedEntry = Assert.Single(await ManageHttp.AuditAsync(demo.ConnectionString, "queue.updated", id));
        Assert.Equal(
            [$"\"Claims {s}\"", $"{connector.Id}", "true", $"\"claims-{s}\"", $"[{north.Id}]"],
            new[] { "name", "connectorId", "isActive", "externalKey", "groupIds" }.Select(f => updatedEntry.At("before." + f)));
        Assert.Equal(
            [$"\"Claims B {s}\"", $"{otherConnector.Id}", "false", "null", $"[{south.Id}]"],
            new[] { "name", "connectorId", "isActive", "externalKey", "groupIds" }.Select(f => updatedEntry.At("after." + f)));

        // Deactivated now: listed only on demand.
        Assert.DoesNotContain($"data-queue=\"{id}\"", await admin.GetOkAsync("/manage/queues"));
        Assert.Contains($"data-queue=\"{id}\"", await admin.GetOkAsync("/manage/queues?deactivated=true"));
    }

    [Fact]
    public async Task An_external_key_already_used_is_refused_next_to_the_field()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var key = "key-" + TestData.Suffix();
        var taken = await demo.Data.AddQueueAsync();
        await using (var db = demo.OpenDb())
        {
            await db.Queues.Where(q => q.Id == taken.Id).ExecuteUpdateAsync(q => q.SetProperty(x => x.ExternalKey, key));
        }

        var created = await admin.PostAsync("/manage/queues/new", "/manage/queues", ("Name", "Dup " + TestData.Suffix()), ("IsActive", "true"), ("ExternalKey", key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Equal("This external key is already used by another record.", ManageHttp.FieldError(html, "ExternalKey"));
        Assert.Contains($"value=\"{key}\"", html);

        var other = await demo.Data.AddQueueAsync();
        var url = $"/manage/queues/{other.Id}";
        var edited = await admin.PostAsync(url, url, ("Name", other.Name), ("IsActive", "true"), ("ExternalKey", key), ("Version", ManageHttp.Version(await admin.GetOkAsync(url))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edited.StatusCode);
        Assert.Equal("This external key is already used by another record.", ManageHttp.FieldError(await edited.Content.ReadAsStringAsync(), "ExternalKey"));

        var blank = await admin.PostAsync("/manage/queues/new", "/manage/queues", ("Name", ""), ("IsActive", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
        Assert.Equal("Name is required.", ManageHttp.FieldError(await blank.Content.ReadAsStringAsync(), "Name"));
    }

    [Fact]
    public async Task A_stale_queue_form_is_refused_with_the_conflict_message_and_nothing_of_it_saved()
    {
        var admin = await ManageHttp.AdministratorAsync(demo.App, demo.Data);
        var queue = await demo.Data.AddQueueAsync();
        var url = $"/manage/queues/{queue.Id}";
        var stale = ManageHttp.Version(await admin.GetOkAsync(url));
        ManageHttp.RedirectTarget(await admin.PostAsync(url, url, ("Name", queue.Name + " theirs"), ("IsActive", "true"), ("Version", stale)));

        var mine = await admin.PostAsync(url, url, ("Name", queue.Name + " mine"), ("IsActive", "true"), ("Version", stale));

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        var html = await mine.Content.ReadAsStringAsync();
        Assert.Single(ManageHttp.FormErrors(html));
        Assert.Contains($"value=\"{queue.Name} theirs\"", html);
        await using var db = demo.OpenDb();
        Assert.Equal(queue.Name + " theirs", await db.Queues.Where(q => q.Id == queue.Id).Select(q => q.Name).SingleAsync());
    }
}
