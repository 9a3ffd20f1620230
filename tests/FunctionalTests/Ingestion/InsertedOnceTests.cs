using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Ingestion;
using WapListing.Web.Features.Ingestion.Events;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>
/// A chat whose events come in one batch is inserted once, already with the figures its events give, instead of inserted
/// and then updated: every write of an interaction touches all of its indexes.
/// </summary>
public sealed class InsertedOnceTests(EmptyDatabaseFixture database) : IClassFixture<EmptyDatabaseFixture>
{
    [Fact]
    public async Task A_new_chat_is_inserted_with_its_figures_and_not_updated_and_a_recompute_finds_nothing_to_change()
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<WapListingDbContext>();
        DatabaseRegistration.Configure(options, database.ConnectionString);
        options.AddInterceptors(counter);
        var colleague = (System.Text.Json.Nodes.JsonObject)EventExamples.All.Single(x => x.Key == "user.upserted").Event.DeepClone();
        colleague["id"] = "evt-colleague";
        colleague["record"]!["externalKey"] = EventExamples.Colleague;
        colleague["record"]!["login"] = "bara.example";
        var events = EventExamples.All.Select(x => x.Event).Prepend(colleague)
            .Select(e => JsonSerializer.Deserialize<IncomingEvent>(e.ToJsonString(), JsonSerializerOptions.Web)!).ToList();
        var now = DateTimeOffset.UtcNow;

        await using (var db = new WapListingDbContext(options.Options))
        {
            var result = await new IngestEvents(db, TimeProvider.System).HandleAsync(events, CancellationToken.None);
            Assert.True(result.Batch is not null, string.Join("; ", result.Errors?.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}") ?? []));
            Assert.Contains(EventExamples.Chat, result.Batch.Interactions);
        }

        Assert.Contains(counter.Texts, t => t.Contains("INSERT INTO interactions", StringComparison.Ordinal));
        Assert.DoesNotContain(counter.Texts, t => t.Contains("UPDATE interactions", StringComparison.Ordinal));

        await using var check = database.OpenDb();
        var chat = await check.Interactions.AsNoTracking().SingleAsync(i => i.Name == EventExamples.Chat);
        Assert.True(chat.Answered);
        Assert.NotNull(chat.UserId);
        Assert.NotNull(chat.ClosedTime);
        Assert.True(chat.Duration > 0);
        Assert.NotEmpty(await check.InteractionParticipants.Where(p => p.InteractionId == chat.Id).ToListAsync());
        Assert.NotEmpty(await check.Activities.Where(a => a.InteractionId == chat.Id).ToListAsync());

        var all = await check.Interactions.Select(i => i.Id).ToListAsync();
        await InteractionProjection.RecomputeAsync(check, all, now, CancellationToken.None);
        Assert.False(check.ChangeTracker.HasChanges(), "a recompute from the stored events changes what the batch stored");
    }
}
