using System.Text.Json;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Web.Identity;

namespace WapListing.Web.Features.Manage;

/// <summary>
/// The audit trail of Manage (DESIGN §8): every change is recorded as its subject's id and the values before and after.
/// Only ids, codes, flags and names of reference data (queues, groups, connectors) go in — never passwords, secrets or
/// personal texts; for a person's login or display name record that it changed (<c>true</c>), not the text.
/// The entry is added to the same unit of work as the change, so it is saved with it or not at all.
/// </summary>
public sealed class ManageAudit(WapListingDbContext db, CurrentViewer viewer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an entry for <paramref name="action"/> (a stable code such as <c>user.updated</c>); call before SaveChanges.</summary>
    public void Record(string action, string subject, int subjectId, object? before = null, object? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Time = clock.GetUtcNow(),
            UserId = viewer.UserId,
            Action = action,
            Detail = JsonSerializer.Serialize(new { subject, id = subjectId, before, after }, Json),
        });
}
