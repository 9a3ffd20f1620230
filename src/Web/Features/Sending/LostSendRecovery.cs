using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Web.Features.Sending;

/// <summary>
/// Finishes sends whose answer from the Graph API never got stored (a timeout, a broken connection, the app stopping
/// between WhatsApp's acceptance and the commit): WhatsApp's status webhooks carry the send's key as
/// <c>biz_opaque_callback_data</c>, so a status with that key tells the message id and the send is confirmed like any
/// other (<see cref="SendConfirmation"/>). A send nobody confirms within <c>WhatsApp:SendConfirmationMinutes</c> is marked
/// unconfirmed — shown as "may not have gone out" — and still confirmed if its status comes later that day. Nothing is
/// ever sent again from here.
/// </summary>
public static class LostSendRecovery
{
    /// <summary>How long after a send a late status still confirms it.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(1);

    /// <summary>Returns how many sends were confirmed and how many were marked unconfirmed.</summary>
    public static async Task<(int Confirmed, int Unconfirmed)> RunOnceAsync(
        WapListingDbContext db, DateTimeOffset now, TimeSpan confirmWithin, CancellationToken cancellationToken)
    {
        var since = now - LookBack;
        var waiting = await db.OutboundSends.AsNoTracking()
            .Where(s => (s.State == OutboundSendState.Pending || s.State == OutboundSendState.Unconfirmed) && s.CreatedAt > since)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.ClientKey, s.State, s.CreatedAt })
            .Take(1000)
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return (0, 0);
        }

        var byCallback = waiting.ToDictionary(s => SendWhatsAppMessage.CallbackData(s.ClientKey), StringComparer.Ordinal);
        var callbacks = byCallback.Keys.ToList();
        var reported = await db.DeliveryStatusReports.AsNoTracking()
            .Where(r => r.CallbackData != null && callbacks.Contains(r.CallbackData))
            .Select(r => new { r.CallbackData, r.WhatsAppMessageId })
            .Distinct()
            .ToListAsync(cancellationToken);
        var confirmed = 0;
        foreach (var report in reported)
        {
            db.ChangeTracker.Clear();
            if (await SendConfirmation.ConfirmAsync(db, byCallback[report.CallbackData!].Id, report.WhatsAppMessageId, now, cancellationToken))
            {
                confirmed++;
            }
        }

        var answered = reported.Select(r => byCallback[r.CallbackData!].Id).ToHashSet();
        var overdue = waiting
            .Where(s => s.State == OutboundSendState.Pending && s.CreatedAt < now - confirmWithin && !answered.Contains(s.Id))
            .Select(s => s.Id)
            .ToList();
        var unconfirmed = overdue.Count == 0
            ? 0
            : await db.OutboundSends
                .Where(s => overdue.Contains(s.Id) && s.State == OutboundSendState.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, OutboundSendState.Unconfirmed), cancellationToken);
        return (confirmed, unconfirmed);
    }
}
