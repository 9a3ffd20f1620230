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
    [Theory]
    [InlineData("")]
    [InlineData(".1234567")]
    public async Task A_new_chat_is_inserted_with_its_figures_and_not_updated_and_a_recompute_finds_nothing_to_change(string fraction)
    {
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<WapListingDbContext>();
        DatabaseRegistration.Configure(options, database.ConnectionString);
        options.AddInterceptors(counter);
        var colleague = (System.Text.Json.Nodes.JsonObject)EventExamples.All.Single(x => x.Key == "user.upserted").Event.DeepClone();
        colleague["id"] = "evt-colleague";
        colleague["record"]!["externalKey"] = EventExamples.Colleague;
        colleague["record"]!["login"] = "bara.example";
        // Times finer than PostgreSQL's microseconds too: what the batch computes must equal what the stored events give.
        // Each case tells its own chats (names, customers and event ids of their own).
        var suffix = fraction.Length == 0 ? string.Empty : "fine";
        var chatName = EventExamples.Chat.Replace("_example_", $"_example{suffix}_", StringComparison.Ordinal);
        var events = EventExamples.All.Select(x => x.Event).Prepend(colleague)
            .Select(e => e.ToJsonString().Replace("_example_", $"_example{suffix}_", StringComparison.Ordinal).Replace("420777", fraction.Length == 0 ? "420777" : "420776", StringComparison.Ordinal))
            .Select(e => JsonSerializer.Deserialize<IncomingEvent>(e, JsonSerializerOptions.Web)!)
            .Select(e => e with { Id = e.Id + suffix, OccurredAt = e.OccurredAt!.Insert(19, fraction) })
            .ToList();
        var now = DateTimeOffset.UtcNow;

        await using (var db = new WapListingDbContext(options.Options))
        {
            var result = await new IngestEvents(db, TimeProvider.System).HandleAsync(events, CancellationToken.None);
            Assert.True(result.Batch is not null, string.Join("; ", result.Errors?.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}") ?? []));
            Assert.Contains(chatName, result.Batch.Interactions);
        }

        Assert.Contains(counter.Texts, t => t.Contains("INSERT INTO interactions", StringComparison.Ordinal));
        Assert.Equal([], counter.Texts.SelectMany(t => t.Split('\n')).Where(t => t.Contains("UPDATE interactions", StringComparison.Ordinal)).ToArray());

        await using var check = database.OpenDb();
        var chat = await check.Interactions.AsNoTracking().SingleAsync(i => i.Name == chatName);
        Assert.True(chat.Answered);
        Assert.NotNull(chat.UserId);
        Assert.NotNull(chat.ClosedTime);
        Assert.True(chat.Duration > 0);
        Assert.NotEmpty(await check.InteractionParticipants.Where(p => p.InteractionId == chat.Id).ToListAsync());
        Assert.NotEmpty(await check.Activities.Where(a => a.InteractionId == chat.Id).ToListAsync());

        var all = await check.Interactions.Where(i => i.Name.Contains($"_example{suffix}_")).Select(i => i.Id).ToListAsync();
        await InteractionProjection.RecomputeAsync(check, all, now, CancellationToken.None);
        Assert.False(check.ChangeTracker.HasChanges(), "a recompute from the stored events changes what the batch stored");
    }
}
