using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage;

namespace WapListing.Web.Controllers;

/// <summary>Administration (DESIGN §8); for now the read-only overview of users and their rights.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ManageController(GetUsersAndRights getUsersAndRights) : Controller
{
    [HttpGet("manage")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await getUsersAndRights.HandleAsync(new GetUsersAndRightsRequest(), cancellationToken));
}
