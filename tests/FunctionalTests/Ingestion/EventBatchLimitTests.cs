using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Manage.ApiKeys;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>An app node that stores one event batch at a time and lets none wait.</summary>
public sealed class OneEventBatchAtOnceFixture : WebhookAppFixture
{
    protected override IEnumerable<(string Key, string Value)> MoreSettings =>
        [("RateLimiting:EventBatchesAtOnce", "1"), ("RateLimiting:EventBatchesWaiting", "0")];
}

/// <summary>
/// The events API stores a bounded number of batches at once per node (RateLimiting:EventBatchesAtOnce), the rest wait
/// in line (EventBatchesWaiting); beyond the line a batch is refused whole with 429, problem details and Retry-After,
/// so its sender sends it again — nothing of it is stored.
/// </summary>
public sealed class EventBatchLimitTests(OneEventBatchAtOnceFixture app) : IClassFixture<OneEventBatchAtOnceFixture>
{
    [Fact]
    public async Task Batches_beyond_the_nodes_limit_get_429_problem_details_with_retry_after_and_store_nothing()
    {
        var s = TestData.Suffix();
        await using (var db = app.OpenDb())
        {
            db.Queues.Add(new Queue { Name = $"Limits {s}", ExternalKey = $"q-limit-{s}", ConnectorId = app.Connector.Id });
            await db.SaveChangesAsync();
        }

        var integration = await new TestData(app.ConnectionString).AddUserAsync(UserRole.Administrator);
        var (_, key) = await app.App.AddApiKeyAsync(app.ConnectionString, integration, ApiKeyScopes.Ingest);
        using var http = new HttpClient { BaseAddress = app.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var batches = Enumerable.Range(0, 8).Select(b => Batch(s, b)).ToList();
        var responses = await Task.WhenAll(batches.Select(batch =>
            http.PostAsync("/api/v1/events", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"))));

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        foreach (var response in refused)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal(429, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
        }

        await using var check = app.OpenDb();
        for (var b = 0; b < batches.Count; b++)
        {
            var stored = await check.InteractionEvents.CountAsync(e => e.EventId.StartsWith($"limit-{s}-{b}-"));
            Assert.Equal(responses[b].StatusCode == HttpStatusCode.OK ? 500 : 0, stored);
        }
    }

    private static JsonArray Batch(string s, int b) =>
        new(Enumerable.Range(0, 500).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"limit-{s}-{b}-{i}",
            ["type"] = "interaction.queued",
            ["occurredAt"] = "2026-11-27T08:00:00+01:00",
            ["interaction"] = new JsonObject { ["name"] = $"wap_limit{s}b{b}n{i}" },
            ["queue"] = $"q-limit-{s}",
        }).ToArray());
}
