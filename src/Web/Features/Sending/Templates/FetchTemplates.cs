using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Domain.Sending;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;
using WapListing.Web.Features.Ingestion.WhatsApp;
using WapListing.Web.Features.Manage;

namespace WapListing.Web.Features.Sending.Templates;

public enum FetchTemplatesOutcome
{
    Fetched,
    NotFound,
    NoBusinessAccountId,
    NoAccessToken,
    GraphFailed,
}

/// <summary>What fetching gave: how many templates were stored and skipped, or why nothing changed.</summary>
public sealed record FetchTemplatesResult(FetchTemplatesOutcome Outcome, int Fetched = 0, int Skipped = 0, WhatsAppSendFailure? Failure = null)
{
    /// <summary>The refusal in the reader's language (resources <c>Manage.Templates.…</c>); null when fetched.</summary>
    public string? Describe(IStringLocalizer localizer) => Outcome switch
    {
        FetchTemplatesOutcome.NoBusinessAccountId => localizer["Manage.Templates.NoBusinessAccountId"].Value,
        FetchTemplatesOutcome.NoAccessToken => localizer["Manage.Templates.NoAccessToken"].Value,
        FetchTemplatesOutcome.GraphFailed when Failure is not null => localizer["Manage.Templates.GraphFailed", DescribeFailure(Failure, localizer)].Value,
        _ => null,
    };

    /// <summary>Sending's words for a failure, except where they speak of a message that was (not) sent.</summary>
    private static string DescribeFailure(WhatsAppSendFailure failure, IStringLocalizer localizer)
    {
        var own = localizer["Manage.Templates.Problem." + failure.Problem, failure.Code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—", failure.Title ?? string.Empty];
        return own.ResourceNotFound ? failure.Describe(localizer) : own.Value;
    }
}

/// <summary>
/// Replaces a connector's cached message templates (<c>whatsapp_templates</c>) with the approved ones its WhatsApp
/// Business account has now. Only templates this app can fill in are kept: their only variables are the body's
/// positional <c>{{1}}</c> …; the others are counted as skipped. When the Graph API fails, the cache stays as it was.
/// </summary>
public sealed class FetchTemplates(WapListingDbContext db, GraphApiClient graph, ConnectorSecrets secrets, ManageAudit audit, TimeProvider clock)
{
    public async Task<FetchTemplatesResult> HandleAsync(int connectorId, CancellationToken cancellationToken)
    {
        var connector = await db.Connectors.AsNoTracking()
            .Where(c => c.Id == connectorId)
            .Select(c => new { c.WhatsAppBusinessAccountId, c.ProtectedAccessToken })
            .SingleOrDefaultAsync(cancellationToken);
        if (connector is null)
        {
            return new FetchTemplatesResult(FetchTemplatesOutcome.NotFound);
        }

        if (string.IsNullOrWhiteSpace(connector.WhatsAppBusinessAccountId))
        {
            return new FetchTemplatesResult(FetchTemplatesOutcome.NoBusinessAccountId);
        }

        if (secrets.Unprotect(connector.ProtectedAccessToken) is not { Length: > 0 } accessToken)
        {
            return new FetchTemplatesResult(FetchTemplatesOutcome.NoAccessToken);
        }

        IReadOnlyList<GraphTemplate> answered;
        try
        {
            answered = await graph.GetMessageTemplatesAsync(connector.WhatsAppBusinessAccountId, accessToken, cancellationToken);
        }
        catch (WhatsAppSendException e)
        {
            return new FetchTemplatesResult(FetchTemplatesOutcome.GraphFailed, Failure: e.Failure);
        }

        var approved = answered.Where(t => t.Status == "APPROVED" && BodyOf(t) is not null).ToList();
        var now = clock.GetUtcNow();
        var usable = approved
            .Where(IsUsable)
            .DistinctBy(t => (t.Name, t.Language))
            .Select(t => new WhatsAppTemplate
            {
                ConnectorId = connectorId,
                Name = t.Name!,
                Language = t.Language!,
                Category = t.Category is { Length: <= MaxCategoryLength } category ? category : null,
                Body = BodyOf(t)!,
                ParameterCount = TemplateBody.ParameterCount(BodyOf(t)!),
                FetchedAt = now,
            })
            .ToList();
        var skipped = approved.Count - usable.Count;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Two fetches of one connector at once would both insert the same names: the second waits for the first.
        var locked = await db.Database
            .SqlQuery<int>($"SELECT id AS \"Value\" FROM connectors WHERE id = {connectorId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return new FetchTemplatesResult(FetchTemplatesOutcome.NotFound);
        }

        var replaced = await db.WhatsAppTemplates.Where(t => t.ConnectorId == connectorId).ExecuteDeleteAsync(cancellationToken);
        db.WhatsAppTemplates.AddRange(usable);
        audit.Record("connector.templates_fetched", "connector", connectorId, new { templates = replaced }, new { templates = usable.Count, skipped });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FetchTemplatesResult(FetchTemplatesOutcome.Fetched, usable.Count, skipped);
    }

    private const int MaxNameLength = 512;
    private const int MaxLanguageLength = 20;
    private const int MaxCategoryLength = 40;
    private const int MaxBodyLength = 2048;

    private static string? BodyOf(GraphTemplate template) =>
        template.Components?.FirstOrDefault(c => c.Type == "BODY")?.Text is { Length: > 0 } text ? text : null;

    /// <summary>
    /// Whether the app can send it with nothing but the body's positional values: no named parameters, a header of plain
    /// text without a variable (or none), buttons that take no value, and no other kind of component (carousels, offers).
    /// </summary>
    private static bool IsUsable(GraphTemplate template)
    {
        var body = BodyOf(template)!;
        if (template is not { Name.Length: > 0 and <= MaxNameLength, Language.Length: > 0 and <= MaxLanguageLength }
            || body.Length > MaxBodyLength
            || template.ParameterFormat == "NAMED"
            || TemplateBody.HasNamedParameters(body))
        {
            return false;
        }

        return template.Components!.All(component => component.Type switch
        {
            "BODY" or "FOOTER" => true,
            "HEADER" => component.Format is null or "TEXT" && !HasVariable(component.Text),
            "BUTTONS" => component.Buttons?.All(button => button.Type switch
            {
                "QUICK_REPLY" or "PHONE_NUMBER" => true,
                "URL" => !HasVariable(button.Url),
                _ => false,
            }) ?? true,
            _ => false,
        });
    }

    private static bool HasVariable(string? text) => text?.Contains("{{", StringComparison.Ordinal) == true;
}
