using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Ingestion;
using WapListing.Web.Features.Ingestion.Events;

namespace WapListing.FunctionalTests.Data;

/// <summary>
/// The app's connections plan each run of a prepared statement for its values (a listing statement serves a day and a
/// year), while ingestion keeps PostgreSQL's generic plans: its inserts and by-key reads repeat thousands of times a second.
/// </summary>
public sealed class PreparedPlanReuseTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>
{
    private static Task<string> PlanCacheModeAsync(WapListingDbContext db) =>
        db.Database.SqlQuery<string>($"SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();

    private static Task<string> JitAsync(WapListingDbContext db) =>
        db.Database.SqlQuery<string>($"SELECT current_setting('jit') AS \"Value\"").SingleAsync();

    [Fact]
    public async Task The_apps_connections_plan_every_run_for_its_values()
    {
        await using var db = database.OpenDb();
        Assert.Equal("force_custom_plan", await PlanCacheModeAsync(db));
        Assert.Equal("off", await JitAsync(db));
    }

    [Fact]
    public async Task A_context_told_to_reuse_plans_connects_with_the_default_plan_cache_mode_and_keeps_the_other_settings()
    {
        await using var db = database.OpenDb();
        db.ReusePreparedPlans();
        Assert.Equal("auto", await PlanCacheModeAsync(db));
        Assert.Equal("off", await JitAsync(db));
    }

    [Fact]
    public async Task A_context_already_connected_is_left_as_it_is()
    {
        await using var db = database.OpenDb();
        await db.Database.OpenConnectionAsync();
        db.ReusePreparedPlans();
        Assert.Equal("force_custom_plan", await PlanCacheModeAsync(db));
    }

    [Fact]
    public async Task The_inbox_worker_processes_its_batch_reusing_plans()
    {
        await using var db = database.OpenDb();
        await WebhookInbox.ProcessBatchAsync(db, TimeProvider.System, WebhookInbox.BatchSize, CancellationToken.None);
        Assert.Equal("auto", await PlanCacheModeAsync(db));
    }

    [Fact]
    public async Task The_events_api_stores_its_batch_reusing_plans()
    {
        await using var db = database.OpenDb();
        var connector = System.Text.Json.JsonSerializer.Deserialize<IncomingEvent>(EventExamples.All[0].Event.ToJsonString(), System.Text.Json.JsonSerializerOptions.Web)!;
        var result = await new IngestEvents(db, TimeProvider.System).HandleAsync([connector], CancellationToken.None);
        Assert.NotNull(result.Batch);
        Assert.Equal("auto", await PlanCacheModeAsync(db));
    }
}
