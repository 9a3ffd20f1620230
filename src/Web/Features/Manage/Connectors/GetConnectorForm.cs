using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Manage.Connectors;

public sealed record QueueOption(int Id, string Name, bool IsActive);

/// <summary>A cached message template as the form lists it; its body is WhatsApp's text, shown encoded.</summary>
public sealed record TemplateRow(string Name, string Language, string? Category, int ParameterCount, string Body, DateTimeOffset FetchedAt);

/// <summary>
/// A connector's form (a new one when <see cref="Id"/> is null): its values, which secrets are set (never their values),
/// the queues to choose the default from, and its cached message templates.
/// </summary>
public sealed record ConnectorFormPage(
    int? Id,
    string Name,
    string PhoneNumber,
    bool IsActive,
    string? ExternalKey,
    string? WhatsAppPhoneNumberId,
    string? WhatsAppBusinessAccountId,
    int? DefaultQueueId,
    uint Version,
    SecretsState Secrets,
    IReadOnlyList<QueueOption> Queues,
    IReadOnlyList<TemplateRow> Templates);

public sealed class GetConnectorForm(WapListingDbContext db)
{
    public async Task<ConnectorFormPage?> HandleAsync(int? id, CancellationToken cancellationToken)
    {
        var page = id is null
            ? new ConnectorFormPage(null, string.Empty, string.Empty, true, null, null, null, null, 0, new SecretsState(false, false, false), [], [])
            : await db.Connectors.AsNoTracking()
                .Where(c => c.Id == id)
                .Select(c => new ConnectorFormPage(
                    c.Id,
                    c.Name,
                    c.PhoneNumber,
                    c.IsActive,
                    c.ExternalKey,
                    c.WhatsAppPhoneNumberId,
                    c.WhatsAppBusinessAccountId,
                    c.DefaultQueueId,
                    c.Version,
                    new SecretsState(c.ProtectedVerifyToken != null, c.ProtectedAppSecret != null, c.ProtectedAccessToken != null),
                    new List<QueueOption>(),
                    new List<TemplateRow>()))
                .SingleOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return null;
        }

        var queues = await db.Queues.AsNoTracking().Select(q => new QueueOption(q.Id, q.Name, q.IsActive)).ToListAsync(cancellationToken);
        List<TemplateRow> templates = page.Id is null
            ? []
            : await db.WhatsAppTemplates.AsNoTracking()
                .Where(t => t.ConnectorId == page.Id)
                .OrderBy(t => t.Name).ThenBy(t => t.Language)
                .Select(t => new TemplateRow(t.Name, t.Language, t.Category, t.ParameterCount, t.Body, t.FetchedAt))
                .ToListAsync(cancellationToken);
        var order = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return page with
        {
            Queues = queues.Where(q => q.IsActive || q.Id == page.DefaultQueueId).OrderBy(q => q.Name, order).ThenBy(q => q.Id).ToList(),
            Templates = templates,
        };
    }
}
