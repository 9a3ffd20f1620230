using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WapListing.Web.Authorization;
using WapListing.Web.Features.Manage.Audit;

namespace WapListing.Web.Controllers;

/// <summary>Manage → Audit log (DESIGN §8): who did what when, filtered and paged.</summary>
[Authorize(Policy = Policies.Manage)]
public sealed class ManageAuditController(GetAuditLog getAuditLog) : Controller
{
    [HttpGet("manage/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditLogRequest request, CancellationToken cancellationToken) =>
        View(await getAuditLog.HandleAsync(request, cancellationToken));
}
