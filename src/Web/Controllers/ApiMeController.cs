using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Api;
using WapListing.Web.Authorization;

namespace WapListing.Web.Controllers;

/// <summary>
/// <c>GET /api/v1/me</c>: any valid API key learns its name, its user (whose rights a read key carries), its scopes
/// and expiry — the way integrators check a key before using it.
/// </summary>
[ApiController]
[Route("api/v1/me")]
[Authorize(Policy = Policies.Api)]
[Produces("application/json")]
public sealed class ApiMeController(GetApiCaller getApiCaller) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<ApiCaller>> Get(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        return await getApiCaller.HandleAsync(cancellationToken) is { } caller ? caller : Unauthorized();
    }
}
