using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.WhatsApp;
using WapListing.Web.Features.Detail.Actions;
using WapListing.Web.Features.Ingestion.WhatsApp;
using WapListing.Web.Identity;
using WapListing.Web.Localization;

namespace WapListing.Web.Features.Sending;

public enum SendOutcome
{
    /// <summary>WhatsApp accepted it; the transcript holds it.</summary>
    Sent,
    /// <summary>No answer from WhatsApp (timeout, broken answer): it may have gone out, its status webhook will tell.</summary>
    AwaitingConfirmation,
    /// <summary>WhatsApp refused it, or was not reached: nothing went out.</summary>
    Refused,
    Invalid,
    RateLimited,
    NotFound,
    NotApplicable,
}

public sealed record SendResult(SendOutcome Outcome, string? InteractionName = null, WhatsAppSendFailure? Failure = null, IReadOnlyDictionary<string, string>? Errors = null);

/// <summary>
/// Sends the composer's message to the customer through the Cloud API (DESIGN §6, §9 A), never twice and never lost:
/// <list type="number">
/// <item>the outbox row (<see cref="OutboundSend"/>) is committed first, keyed by the form's client key — a key seen
/// before answers with what happened to it and calls nobody;</item>
/// <item>the Graph API is called with the key as <c>biz_opaque_callback_data</c>;</item>
/// <item>accepted: <see cref="SendConfirmation"/> stores the message and what follows in one transaction; refused: the
/// row says why; no answer (timeout, crash before step 3): the row stays pending and <see cref="LostSendRecovery"/>
/// confirms it from the status webhook carrying the key, or marks it unconfirmed. It is never re-sent automatically,
/// because the Cloud API has no idempotency key and a blind retry could reach the customer twice.</item>
/// </list>
/// Audited with ids only, never the text.
/// </summary>
public sealed class SendWhatsAppMessage(
    WapListingDbContext db,
    CurrentViewer viewer,
    GraphApiClient graph,
    ConnectorSecrets secrets,
    SendingRateLimiter rateLimiter,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer,
    ILogger<SendWhatsAppMessage> logger)
{
    public async Task<SendResult> HandleAsync(SendMessageRequest request, CancellationToken cancellationToken)
    {
        var interaction = await db.FindVisibleInteractionAsync(viewer, request.Name!, cancellationToken);
        if (interaction is null)
        {
            return new SendResult(SendOutcome.NotFound);
        }

        var clientKey = request.ClientKey!.Value;
        if (await PreviousAsync(clientKey, cancellationToken) is { } previous)
        {
            return previous.InteractionId == interaction.Id ? Answer(previous, interaction.Name) : new SendResult(SendOutcome.NotApplicable, interaction.Name);
        }

        var userId = viewer.UserId;
        var target = await SendTargets.FindAsync(db, interaction.Id, userId, cancellationToken);
        if (target is null)
        {
            return new SendResult(SendOutcome.NotApplicable, interaction.Name);
        }

        var now = clock.GetUtcNow();
        var (message, errors) = MessageComposition.Compose(request, target, now, localizer);
        if (message is null)
        {
            return new SendResult(SendOutcome.Invalid, interaction.Name, Errors: errors);
        }

        var accessToken = secrets.Unprotect(target.ProtectedAccessToken);
        if (!target.ConnectorReady || accessToken is null)
        {
            return new SendResult(SendOutcome.Refused, interaction.Name, new WhatsAppSendFailure(WhatsAppSendProblem.AccessTokenInvalid, null, null));
        }

        if (!rateLimiter.TryAcquire(userId))
        {
            return new SendResult(SendOutcome.RateLimited, interaction.Name);
        }

        var sendId = await RecordAsync(clientKey, target, message, userId, now, cancellationToken);
        if (sendId is null)
        {
            // The same form arrived twice at once: the other request sends it.
            return Answer((await PreviousAsync(clientKey, cancellationToken))!, interaction.Name);
        }

        try
        {
            var whatsAppMessageId = await graph.SendMessageAsync(target.PhoneNumberId!, accessToken, message.ToOutgoing(target.CustomerNumber.TrimStart('+'), CallbackData(clientKey)), cancellationToken);
            try
            {
                db.ChangeTracker.Clear();
                await SendConfirmation.ConfirmAsync(db, sendId.Value, whatsAppMessageId, clock.GetUtcNow(), CancellationToken.None);
            }
            catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                // WhatsApp has it; its status webhook brings the rest (LostSendRecovery). Never sent again from here.
                logger.LogWarning(e, "Send {SendId} was accepted by WhatsApp but could not be stored yet; its status webhook will confirm it.", sendId);
                return new SendResult(SendOutcome.AwaitingConfirmation, interaction.Name);
            }

            await AuditAsync("message.sent", sendId.Value, target, message, null, CancellationToken.None);
            return new SendResult(SendOutcome.Sent, interaction.Name);
        }
        catch (WhatsAppSendException e) when (e.Failure.MayHaveGoneOut)
        {
            await AuditAsync("message.unanswered", sendId.Value, target, message, e.Failure, CancellationToken.None);
            return new SendResult(SendOutcome.AwaitingConfirmation, interaction.Name, e.Failure);
        }
        catch (WhatsAppSendException e)
        {
            await db.OutboundSends
                .Where(s => s.Id == sendId && s.State == OutboundSendState.Pending)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(s => s.State, OutboundSendState.Refused)
                        .SetProperty(s => s.Problem, e.Failure.Problem.ToString())
                        .SetProperty(s => s.ErrorCode, e.Failure.Code)
                        .SetProperty(s => s.ErrorTitle, Truncate(e.Failure.Title, 300))
                        .SetProperty(s => s.CompletedAt, clock.GetUtcNow()),
                    CancellationToken.None);
            await AuditAsync("message.refused", sendId.Value, target, message, e.Failure, CancellationToken.None);
            return new SendResult(SendOutcome.Refused, interaction.Name, e.Failure);
        }
    }

    /// <summary>The callback data a send carries to WhatsApp and back on its statuses.</summary>
    public static string CallbackData(Guid clientKey) => "waplisting:" + clientKey.ToString("N");

    private Task<OutboundSend?> PreviousAsync(Guid clientKey, CancellationToken cancellationToken) =>
        db.OutboundSends.AsNoTracking().FirstOrDefaultAsync(s => s.ClientKey == clientKey, cancellationToken);

    private static SendResult Answer(OutboundSend previous, string interactionName) => previous.State switch
    {
        OutboundSendState.Accepted => new SendResult(SendOutcome.Sent, interactionName),
        OutboundSendState.Refused => new SendResult(
            SendOutcome.Refused, interactionName, WhatsAppSendFailure.FromStored(previous.Problem, previous.ErrorCode, previous.ErrorTitle)),
        _ => new SendResult(SendOutcome.AwaitingConfirmation, interactionName),
    };

    /// <summary>Commits the outbox row before anything leaves; null when a row with this key exists already.</summary>
    private async Task<long?> RecordAsync(Guid clientKey, SendTarget target, ComposedMessage message, int userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = (message.Template is null ? OutboundSendKind.Text : OutboundSendKind.Template).ToString();
        var state = nameof(OutboundSendState.Pending);
        var parameters = message.Parameters.ToArray();
        var ids = await db.Database.SqlQuery<long>(
                $"""
                INSERT INTO outbound_sends (client_key, interaction_id, user_id, connector_id, kind, text, template_name, template_language, template_parameters, state, created_at)
                VALUES ({clientKey}, {target.InteractionId}, {userId}, {target.ConnectorId}, {kind}, {message.Text}, {message.Template?.Name}, {message.Template?.Language}, {parameters}, {state}, {now})
                ON CONFLICT (client_key) DO NOTHING
                RETURNING id AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }

    private async Task AuditAsync(string action, long sendId, SendTarget target, ComposedMessage message, WhatsAppSendFailure? failure, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.AuditEntries.Add(new AuditEntry
        {
            Time = clock.GetUtcNow(),
            UserId = viewer.UserId,
            Action = action,
            Detail = JsonSerializer.Serialize(new
            {
                sendId,
                interactionId = target.InteractionId,
                connectorId = target.ConnectorId,
                kind = message.Template is null ? "text" : "template",
                template = message.Template?.Name,
                problem = failure?.Problem.ToString(),
                code = failure?.Code,
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? text, int length) => text is { Length: > 0 } && text.Length > length ? text[..length] : text;
}
