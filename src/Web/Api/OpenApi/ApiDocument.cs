using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WapListing.Web.Controllers;
using WapListing.Web.Features.Ingestion.Events;

namespace WapListing.Web.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (anonymous): the HTTP API under <c>/api/v1</c> only — never the pages,
/// never the WhatsApp webhook (Meta's contract, described in the README) — with the Bearer API key scheme, and the events
/// API's body, event schema, examples, limits and problem answers, which the controller cannot declare itself because it
/// reads the raw body (JSON array or NDJSON).
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Route = "/openapi/{documentName}.json";
    public const string SecurityScheme = "ApiKey";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(Route).AllowAnonymous();
        return endpoints;
    }
}

internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string EventSchema = "IncomingEvent";
    private const string BatchSchema = "IngestedBatch";
    private const string ProblemSchema = "Problem";
    private const string ValidationProblemSchema = "ValidationProblem";

    /// <summary>Examples inside a string (NDJSON) keep <c>+</c> and Czech letters as they are typed.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "WapListing API",
            Version = "v1",
            Description =
                "The HTTP API of WapListing. Every call carries an API key (Manage → API keys) as `Authorization: Bearer <key>`: " +
                "scope `ingest` for `POST /api/v1/events`; any valid key for `GET /api/v1/me`. No key, an unknown, revoked or " +
                "expired key: 401. A key without the scope: 403. The WhatsApp webhook (`/webhooks/whatsapp`) follows Meta's " +
                "Cloud API contract and is not part of this document; see the README, \"Connecting WhatsApp and a routing engine\".",
        };

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiDocument.SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key (wl_…)",
            Description = "An API key created under Manage → API keys, sent as `Authorization: Bearer <key>`. Shown once; revocable; may expire.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[EventSchema] = EventSchemas.Event();
        document.Components.Schemas[BatchSchema] = EventSchemas.Batch();
        document.Components.Schemas[ProblemSchema] = EventSchemas.Problem(validation: false);
        document.Components.Schemas[ValidationProblemSchema] = EventSchemas.Problem(validation: true);
        document.Components.Schemas.Remove("ValidationProblemDetails"); // the controller's own 422 declaration, replaced below

        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.SecurityScheme, document)] = [] };
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Security = [requirement];
            operation.Responses ??= [];
            operation.Responses["401"] = Problem(document, "No key, or an unknown, revoked or expired key.");
        }

        if (document.Paths?.TryGetValue("/api/v1/events", out var events) == true
            && events.Operations?.TryGetValue(HttpMethod.Post, out var post) == true)
        {
            DescribeEvents(document, post);
        }

        if (document.Paths?.TryGetValue("/api/v1/me", out var me) == true
            && me.Operations?.TryGetValue(HttpMethod.Get, out var get) == true)
        {
            get.OperationId = "GetMe";
            get.Summary = "Check a key";
            get.Description = "Any valid key: its name, public prefix, user, scopes and expiry (UTC). Answered with `Cache-Control: no-store`.";
        }

        return Task.CompletedTask;
    }

    private static void DescribeEvents(OpenApiDocument document, OpenApiOperation post)
    {
        post.OperationId = "PostEvents";
        post.Summary = "Send a batch of contact-centre events";
        post.Description =
            $"A batch of at most {EventsBatch.MaxEvents} events and {EventsBatch.MaxBodyBytes} bytes " +
            $"({EventsBatch.MaxBodyBytes / 1024 / 1024} MiB), as a JSON array (`application/json`) or as NDJSON " +
            $"(`{EventsApiController.NdjsonContentType}`, one event per line). The batch is validated whole and stored whole in " +
            "one transaction, or refused whole (422, nothing stored) with every failing item named by its index and field path " +
            "(`[3].occurredAt`). Each event is stored once by its `id`: retrying a batch, or any part of it, is always safe " +
            "(the answer counts the repeats as `duplicates`). Events may arrive out of order; the figures of every touched " +
            "interaction are recomputed from all of its stored events. Users, queues and connectors are named by their external " +
            "keys; `user.upserted`, `queue.upserted` and `connector.upserted` create or update them.";

        var eventReference = new OpenApiSchemaReference("IncomingEvent", document);
        var json = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = eventReference,
                MinItems = 1,
                MaxItems = EventsBatch.MaxEvents,
                Description = $"A JSON array of 1 to {EventsBatch.MaxEvents} events.",
            },
            Examples = new Dictionary<string, IOpenApiExample>(),
        };
        foreach (var (key, summary, e) in EventExamples.All)
        {
            json.Examples[key] = new OpenApiExample { Summary = summary, Value = new JsonArray(e.DeepClone()) };
        }

        var ndjson = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"NDJSON: one event (an {EventSchema} object) per line, 1 to {EventsBatch.MaxEvents} lines; blank lines are skipped.",
            },
            Examples = new Dictionary<string, IOpenApiExample>
            {
                ["reference-data"] = new OpenApiExample
                {
                    Summary = "Reference data, one event per line",
                    Value = JsonValue.Create(string.Join('\n', EventExamples.All.Where(x => x.Key.EndsWith(".upserted", StringComparison.Ordinal)).Select(x => x.Event.ToJsonString(Readable))) + "\n"),
                },
            },
        };
        post.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The batch. Any other content type is answered 415.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = json,
                [EventsApiController.NdjsonContentType] = ndjson,
            },
        };

        post.Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = "The batch was stored (new events, repeats of stored ids, and the interactions it touched).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(BatchSchema, document),
                        Example = JsonNode.Parse("""{"stored":9,"duplicates":1,"interactions":["wap_example_inbound"]}"""),
                    },
                },
            },
            ["401"] = Problem(document, "No key, or an unknown, revoked or expired key."),
            ["403"] = Problem(document, "The key lacks the `ingest` scope."),
            ["413"] = Problem(document, $"The body is larger than {EventsBatch.MaxBodyBytes} bytes; split the batch."),
            ["415"] = Problem(document, $"The content type is neither `application/json` nor `{EventsApiController.NdjsonContentType}`."),
            ["422"] = new OpenApiResponse
            {
                Description = $"The batch was refused whole; nothing of it was stored. `errors` is keyed by `[index].field` (or `$` for the whole batch, e.g. more than {EventsBatch.MaxEvents} events).",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(ValidationProblemSchema, document),
                        Example = JsonNode.Parse("""
                            {"title":"The batch was refused whole; nothing of it was stored.",
                             "status":422,"instance":"/api/v1/events",
                             "errors":{"[3].occurredAt":["Required: an ISO 8601 time with its offset, e.g. 2026-11-27T09:15:00+01:00."],
                                       "[7].user":["Required for this type: the user's external key."]}}
                            """),
                    },
                },
            },
        };
    }

    private static OpenApiResponse Problem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };
}
