using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;

namespace WapListing.Infrastructure.Ingestion;

/// <summary>Stores many interaction events in one statement, each once by its id (DESIGN §9 B: at-least-once senders).</summary>
public static class InteractionEventStore
{
    /// <summary>Inserts the events inside the caller's transaction; returns the ids that were new (the others were stored before).</summary>
    public static async Task<HashSet<string>> InsertNewAsync(WapListingDbContext db, IReadOnlyCollection<InteractionEvent> events, CancellationToken cancellationToken)
    {
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        if (events.Count == 0)
        {
            return inserted;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO interaction_events (event_id, interaction_id, type, occurred_at, received_at, user_id, queue_id, activity_name, ended_by, detail)
            SELECT e.event_id, e.interaction_id, e.type, e.occurred_at, e.received_at, e.user_id, e.queue_id, e.activity_name, e.ended_by, e.detail::jsonb
              FROM unnest(@event_ids, @interaction_ids, @types, @occurred_at, @received_at, @user_ids, @queue_ids, @activity_names, @ended_by, @details)
                   AS e (event_id, interaction_id, type, occurred_at, received_at, user_id, queue_id, activity_name, ended_by, detail)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id
            """,
            connection,
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<string[]>("event_ids", events.Select(e => e.EventId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("interaction_ids", events.Select(e => e.InteractionId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", events.Select(e => e.Type.ToString()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("occurred_at", events.Select(e => e.OccurredAt.ToUniversalTime()).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("received_at", events.Select(e => e.ReceivedAt.ToUniversalTime()).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<int?[]>("user_ids", events.Select(e => e.UserId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<int?[]>("queue_ids", events.Select(e => e.QueueId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("activity_names", events.Select(e => e.ActivityName).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("ended_by", events.Select(e => e.EndedBy?.ToString()).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?[]>("details", events.Select(e => e.Detail).ToArray()) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
    }
}
