using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.FunctionalTests.Infrastructure;
using WapListing.FunctionalTests.Manage.ApiKeys;
using WapListing.Web.Features.Ingestion.Events;

namespace WapListing.FunctionalTests.Ingestion;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the API only, the events API described whole, and its examples real.</summary>
public sealed class OpenApiTests(WebhookAppFixture app) : IClassFixture<WebhookAppFixture>
{
    private async Task<JsonObject> DocumentAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = app.Http.BaseAddress };
        var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return Assert.IsType<JsonObject>(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static JsonObject EventsPost(JsonObject document) => document["paths"]!["/api/v1/events"]!["post"]!.AsObject();

    [Fact]
    public async Task The_document_describes_the_api_only_with_its_key_scheme_bodies_answers_and_limits()
    {
        var document = await DocumentAsync();

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/events", paths);
        Assert.Contains("/api/v1/me", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        Assert.DoesNotContain(paths, p => p.Contains("/listing", StringComparison.OrdinalIgnoreCase) || p.Contains("/manage", StringComparison.OrdinalIgnoreCase));

        var scheme = document["components"]!["securitySchemes"]!.AsObject().Single();
        Assert.Equal(("http", "bearer"), ((string)scheme.Value!["type"]!, (string)scheme.Value["scheme"]!));
        var post = EventsPost(document);
        Assert.Contains(scheme.Key, post["security"]![0]!.AsObject().Select(s => s.Key));
        Assert.NotNull(document["paths"]!["/api/v1/me"]!["get"]!["security"]);

        var content = post["requestBody"]!["content"]!.AsObject();
        Assert.Equal("array", (string)content["application/json"]!["schema"]!["type"]!);
        Assert.NotNull(content["application/x-ndjson"]);
        var exampleTypes = content["application/json"]!["examples"]!.AsObject()
            .SelectMany(x => x.Value!["value"]!.AsArray()).Select(e => (string)e!["type"]!).ToHashSet();
        Assert.All(EventValidation.Types.Keys, type => Assert.Contains(type, exampleTypes));

        var eventSchema = document["components"]!["schemas"]!["IncomingEvent"]!;
        Assert.All(eventSchema["properties"]!.AsObject(), p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["description"]), p.Key));
        var responses = post["responses"]!.AsObject();
        Assert.NotNull(responses["200"]!["content"]!["application/json"]);
        Assert.All(["401", "403", "413", "415", "422"], code => Assert.NotNull(responses[code]!["content"]!["application/problem+json"]));
        var description = (string)post["description"]!;
        Assert.Contains(EventsBatch.MaxEvents.ToString(CultureInfo.InvariantCulture), description, StringComparison.Ordinal);
        Assert.Contains(EventsBatch.MaxBodyBytes.ToString(CultureInfo.InvariantCulture), description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_example_of_the_document_is_accepted_by_the_events_api()
    {
        var data = new TestData(app.ConnectionString);
        var colleague = await data.AddUserAsync(UserRole.Agent, displayName: "Bára Example");
        await using (var db = app.OpenDb())
        {
            await db.Users.Where(u => u.Id == colleague.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ExternalKey, EventExamples.Colleague));
        }

        var integration = await data.AddUserAsync(UserRole.Administrator);
        var (_, key) = await app.App.AddApiKeyAsync(app.ConnectionString, integration, ApiKeyScopes.Ingest);
        using var http = new HttpClient { BaseAddress = app.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var content = EventsPost(await DocumentAsync())["requestBody"]!["content"]!.AsObject();
        var examples = content["application/json"]!["examples"]!.AsObject().Select(x => (x.Key, Body: x.Value!["value"]!.ToJsonString())).ToList();
        Assert.Equal(EventExamples.All.Count, examples.Count);
        foreach (var (name, body) in examples.OrderBy(x => x.Key.EndsWith(".upserted", StringComparison.Ordinal) ? 0 : 1))
        {
            var response = await http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var ndjson in content["application/x-ndjson"]!["examples"]!.AsObject())
        {
            var response = await http.PostAsync("/api/v1/events", new StringContent((string)ndjson.Value!["value"]!, Encoding.UTF8, "application/x-ndjson"));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{ndjson.Key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var broken = (JsonObject)EventExamples.All[^1].Event.DeepClone();
        broken["id"] = "evt-broken";
        broken.Remove("occurredAt");
        var refused = await http.PostAsync("/api/v1/events", new StringContent(new JsonArray(broken).ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["[0].occurredAt"]);

        await using var check = app.OpenDb();
        var chat = await check.Interactions.AsNoTracking().SingleAsync(i => i.Name == EventExamples.Chat);
        Assert.True(chat.Answered);
        Assert.Equal(1, await check.Messages.CountAsync(m => m.InteractionId == chat.Id));
    }
}
