using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Ingestion.Events;
using WapListing.Web.Hosting;

namespace WapListing.Web.Controllers;

/// <summary>
/// <c>POST /api/v1/events</c>: the contact centre's events (DESIGN §9 B) with an API key of scope <c>ingest</c>. A JSON array,
/// or NDJSON (<c>application/x-ndjson</c>), of at most <see cref="EventsBatch.MaxEvents"/> events and
/// <see cref="EventsBatch.MaxBodyBytes"/> bytes; stored whole or refused whole (422, each failing item's path).
/// </summary>
[ApiController]
[Route("api/v1/events")]
[Authorize(Policy = Policies.ApiIngest)]
[IgnoreAntiforgeryToken] // Authenticated by its Bearer key only: a browser's cookie cannot reach it, so there is no request to forge.
[RequestSizeLimit(EventsBatch.MaxBodyBytes)]
[EnableRateLimiting(RateLimits.EventBatches)]
public sealed class EventsApiController(IngestEvents ingestEvents) : ControllerBase
{
    public const string NdjsonContentType = "application/x-ndjson";

    [HttpPost]
    [ProducesResponseType<IngestedBatch>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<IActionResult> Post(CancellationToken cancellationToken)
    {
        var mediaType = Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not ("application/json" or NdjsonContentType))
        {
            return Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: $"Send the batch as application/json (an array) or {NdjsonContentType} (one event per line).");
        }

        using var buffer = new MemoryStream();
        await Request.Body.CopyToAsync(buffer, cancellationToken);
        var ndjson = mediaType == NdjsonContentType;
        var (events, failure) = EventsBatch.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ndjson);
        if (failure is { } unreadable)
        {
            return Refused(new Dictionary<string, string[]> { [unreadable.Path] = [unreadable.Error] });
        }

        var result = await ingestEvents.HandleAsync(events, cancellationToken);
        return result.Batch is { } batch ? Ok(batch) : Refused(result.Errors!);
    }

    private ObjectResult Refused(IReadOnlyDictionary<string, string[]> errors)
    {
        var problem = new ValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The batch was refused whole; nothing of it was stored.",
            Instance = Request.Path,
        };
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
    }
}
