using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Rights;
using WapListing.Infrastructure.Search;
using WapListing.Web.Features.Listing.Criteria;

namespace WapListing.Web.Features.Listing;

/// <summary>
/// The one query behind the WhatsApp listing: the rows the viewer may see (DESIGN §4), filtered and
/// sorted by the criteria (DESIGN §5), projected to listing rows. The page adds paging; the export streams it whole.
/// </summary>
public static class WapListingQuery
{
    public static IQueryable<Interaction> Matching(WapListingDbContext db, ViewerRights rights, ListingCriteria criteria)
    {
        var interactions = Source(db, rights, criteria).VisibleTo(rights, criteria.From, criteria.To);

        if (criteria.UserIds.Count > 0 || criteria.UserGroupIds.Count > 0)
        {
            var userIds = criteria.UserIds.ToArray();
            var groupIds = criteria.UserGroupIds.ToArray();
            var members = db.UserGroups.Where(g => groupIds.Contains(g.Id)).SelectMany(g => g.Users.Select(u => u.Id));
            var (from, to) = (criteria.From, criteria.To);
            interactions = interactions.Where(i => i.Participants.Any(p => (userIds.Contains(p.UserId) || members.Contains(p.UserId)) && p.Time >= from && p.Time < to));
        }

        if (PicksQueues(criteria))
        {
            var queueIds = criteria.QueueIds.ToArray();
            var groupQueues = QueuesOfPickedGroups(db, criteria);
            interactions = interactions.Where(i => i.QueueId != null && (queueIds.Contains(i.QueueId.Value) || groupQueues.Contains(i.QueueId.Value)));
        }

        // Text and number filters on other tables ask that table first (a few contacts or connectors match) and test
        // the interaction's id against the answer, so the range is still read in the page's order instead of joined whole.
        if (criteria.Contact is { } contact)
        {
            var pattern = TextSearch.ContainsPattern(contact);
            var digits = new string(contact.Where(char.IsAsciiDigit).ToArray());
            var matchDigits = digits.Length >= 3;
            var contacts = db.Contacts
                .Where(c => EF.Functions.Like(TextSearch.Fold(c.Name), TextSearch.Fold(pattern), TextSearch.Escape)
                    || EF.Functions.Like(TextSearch.Fold(c.Email), TextSearch.Fold(pattern), TextSearch.Escape)
                    || (matchDigits && c.PhoneNumbers.Any(n => n.Contains(digits))))
                .Select(c => (int?)c.Id);
            interactions = interactions.Where(i => i.ContactId != null && contacts.Contains(i.ContactId));
        }

        // The sender is the customer's number or the connector's. With the connectors already known, an OR of two indexed
        // tests (or the customer's number alone) replaces a subquery the planner can serve only by reading the whole range.
        if (criteria.Sender is { } sender)
        {
            if (criteria.SenderConnectorIds is not { } senderConnectorIds)
            {
                var connectors = db.Connectors.Where(c => c.PhoneNumber == sender).Select(c => (int?)c.Id);
                interactions = interactions.Where(i => i.CustomerNumber == sender || (i.ConnectorId != null && connectors.Contains(i.ConnectorId)));
            }
            else if (senderConnectorIds.Count == 0)
            {
                interactions = interactions.Where(i => i.CustomerNumber == sender);
            }
            else
            {
                var connectorIds = senderConnectorIds.ToArray();
                interactions = interactions.Where(i => i.CustomerNumber == sender || (i.ConnectorId != null && connectorIds.Contains(i.ConnectorId.Value)));
            }
        }

        if (criteria.Direction is { } direction)
        {
            interactions = interactions.Where(i => i.Direction == direction);
        }

        if (criteria.Answered is { } answered)
        {
            interactions = interactions.Where(i => i.Answered == answered);
        }

        if (criteria.Missed is { } missed)
        {
            interactions = interactions.Where(i => i.MissedState == missed);
        }

        if (criteria.EndedBy is { } endedBy)
        {
            interactions = interactions.Where(i => i.EndedBy == endedBy);
        }

        if (criteria.ConnectorId is { } connectorId)
        {
            interactions = interactions.Where(i => i.ConnectorId == connectorId);
        }

        // Like the contact, the WhatsApp name is asked first among the distinct names (kept by the database, migration
        // WhatsAppContactNames), and the matching names' chats of the range are then read by name and time.
        if (criteria.WhatsAppContact is { } whatsAppContact)
        {
            var pattern = TextSearch.ContainsPattern(whatsAppContact);
            var names = db.WhatsAppContactNames
                .Where(n => EF.Functions.Like(n.Folded, TextSearch.Fold(pattern), TextSearch.Escape))
                .Select(n => n.Folded);
            interactions = interactions.Where(i => i.WhatsAppContactFolded != null && names.Contains(i.WhatsAppContactFolded));
        }

        if (criteria.WaitMin is { } waitMin)
        {
            interactions = interactions.Where(i => i.WaitTime >= waitMin);
        }

        if (criteria.WaitMax is { } waitMax)
        {
            interactions = interactions.Where(i => i.WaitTime <= waitMax);
        }

        if (criteria.DurationMin is { } durationMin)
        {
            interactions = interactions.Where(i => i.Duration >= durationMin);
        }

        if (criteria.DurationMax is { } durationMax)
        {
            interactions = interactions.Where(i => i.Duration <= durationMax);
        }

        if (criteria.HasContact is { } hasContact)
        {
            interactions = interactions.Where(i => (i.ContactId != null) == hasContact);
        }

        if (criteria.HasTicket is { } hasTicket)
        {
            interactions = interactions.Where(i => i.Activities.Any(a => a.TicketId != null) == hasTicket);
        }

        if (criteria.Name is { } name)
        {
            var lowered = name.ToLowerInvariant();
            interactions = interactions.Where(i => i.Name == lowered || i.Activities.Any(a => a.Name == lowered));
        }

        if (criteria.Transcript is { } transcript)
        {
            var pattern = TextSearch.ContainsPattern(transcript);
            interactions = interactions.Where(i => i.Messages.Any(m => EF.Functions.Like(TextSearch.Fold(m.Text), TextSearch.Fold(pattern), TextSearch.Escape)));
        }

        if (criteria.Selected.Count > 0)
        {
            var names = criteria.Selected.ToArray();
            interactions = interactions.Where(i => names.Contains(i.Name));
        }

        return interactions;
    }

    /// <summary>
    /// The interactions, or, sorted by queue while the rights or the Queue filter allow only some queues, those at these
    /// queues' names: the walk of the queue-name index in the page's order then starts at each name instead of passing
    /// every other queue's rows (PostgreSQL 15 tests a <c>queue_id = ANY</c> on a row only after reading it from the table).
    /// Every chat carries its queue's name (migration ListingSortKeys) and the statement reads the names itself, so no
    /// rename can come between: the rows are the same, and the queue conditions still apply.
    /// </summary>
    private static IQueryable<Interaction> Source(WapListingDbContext db, ViewerRights rights, ListingCriteria criteria)
    {
        if (criteria.Sort != ListingColumn.Queue || !NarrowedToSomeQueues(rights, criteria))
        {
            return db.Interactions;
        }

        var permitted = InteractionRights.QueuesOnly(rights);
        return db.Interactions.FromSqlRaw(
            AtQueueNamesIn[SortCollation(criteria)],
            permitted is null,
            (permitted ?? []).ToArray(),
            !PicksQueues(criteria),
            criteria.QueueIds.ToArray(),
            criteria.QueueGroupIds.ToArray());
    }

    private static readonly Dictionary<string, string> AtQueueNamesIn =
        new[] { "cs-x-icu", "und-x-icu" }.ToDictionary(collation => collation, AtQueueNames);

    /// <summary>
    /// The interactions at the names of the queues that are permitted ({0}: every queue; {1}: the permitted ids) and picked
    /// ({2}: no Queue filter; {3}, {4}: the picked queues and queue groups).
    /// </summary>
    private static string AtQueueNames(string collation) => $$"""
        SELECT * FROM interactions
         WHERE (queue_name COLLATE "{{collation}}") = ANY (ARRAY(
               SELECT q.name FROM queues q
                WHERE ({0} OR q.id = ANY ({1}))
                  AND ({2} OR q.id = ANY ({3})
                       OR q.id IN (SELECT m.queues_id FROM queue_group_members m WHERE m.groups_id = ANY ({4})))))
        """;

    /// <summary>
    /// One page of <paramref name="matching"/> (the criteria's rows) in the criteria's order. Sorted by a column of few
    /// values that follow the queues (connector, missed, ended by) while the rights or the Queue filter allow only some
    /// queues, the walk of the sort's index would pass, bucket by bucket, every other queue's rows (a connector only other
    /// queues use holds millions of them); there each of those queues gives the first rows of the page's order from its
    /// queue-led index (migration QueueLedSortIndexes), and the page is taken from their union in the same order. The rows
    /// are the same: every matching row is in one of those queues, and it is among its queue's first skip + take rows when
    /// it is among the union's first skip + take.
    /// </summary>
    public static IQueryable<Interaction> Page(
        this IQueryable<Interaction> matching, WapListingDbContext db, ViewerRights rights, ListingCriteria criteria, int skip, int take)
    {
        if (criteria.Sort is not (ListingColumn.Connector or ListingColumn.Missed or ListingColumn.EndedBy)
            || QueuesToWalk(db, rights, criteria) is not { } queues)
        {
            return matching.Sorted(criteria).Skip(skip).Take(take);
        }

        // interaction.QueueId == queue.Id + 0: with a plain column on each side EF Core would turn the per-queue Take into a
        // ROW_NUMBER over every matching row; the "+ 0" keeps it a LATERAL join whose walk starts at the queue in the index.
        var queue = Expression.Parameter(typeof(Queue), "queue");
        var interaction = Expression.Parameter(typeof(Interaction), "i");
        var inQueue = Expression.Lambda<Func<Interaction, bool>>(
            Expression.Equal(
                Expression.Property(interaction, nameof(Interaction.QueueId)),
                Expression.Convert(Expression.Add(Expression.Property(queue, nameof(Queue.Id)), Expression.Constant(0)), typeof(int?))),
            interaction);
        var firstOfQueue = matching.Where(inQueue).Sorted(criteria).Take(skip + take);
        var perQueue = Expression.Lambda<Func<Queue, IEnumerable<Interaction>>>(firstOfQueue.Expression, queue);
        return queues.SelectMany(perQueue).Sorted(criteria).Skip(skip).Take(take);
    }

    /// <summary>Whether every interaction the viewer may see and has picked is in some queues, named by the rights or the Queue filter.</summary>
    private static bool NarrowedToSomeQueues(ViewerRights rights, ListingCriteria criteria) =>
        InteractionRights.QueuesOnly(rights) is not null || PicksQueues(criteria);

    private static bool PicksQueues(ListingCriteria criteria) => criteria.QueueIds.Count > 0 || criteria.QueueGroupIds.Count > 0;

    /// <summary>
    /// The queues every interaction the viewer may see and has picked is in, when the rights or the Queue filter narrow
    /// them: permitted (<see cref="InteractionRights.QueuesOnly"/>) and picked; null when neither does.
    /// </summary>
    private static IQueryable<Queue>? QueuesToWalk(WapListingDbContext db, ViewerRights rights, ListingCriteria criteria)
    {
        if (!NarrowedToSomeQueues(rights, criteria))
        {
            return null;
        }

        var permitted = InteractionRights.QueuesOnly(rights);
        var queues = db.Queues.AsQueryable();
        if (permitted is not null)
        {
            var permittedIds = permitted.ToArray();
            queues = queues.Where(q => permittedIds.Contains(q.Id));
        }

        if (PicksQueues(criteria))
        {
            var queueIds = criteria.QueueIds.ToArray();
            var groupQueues = QueuesOfPickedGroups(db, criteria);
            queues = queues.Where(q => queueIds.Contains(q.Id) || groupQueues.Contains(q.Id));
        }

        return queues;
    }

    /// <summary>The ids of the queues in the queue groups the Queue filter picked, read in the statement that uses them.</summary>
    private static IQueryable<int> QueuesOfPickedGroups(WapListingDbContext db, ListingCriteria criteria)
    {
        var groupIds = criteria.QueueGroupIds.ToArray();
        return db.QueueGroups.Where(g => groupIds.Contains(g.Id)).SelectMany(g => g.Queues.Select(q => q.Id));
    }

    /// <summary>The collation of the viewer's alphabet, in which the listing sorts names and labels (an index per alphabet).</summary>
    private static string SortCollation(ListingCriteria criteria) => criteria.Language == "cs" ? "cs-x-icu" : "und-x-icu";

    /// <summary>
    /// Sorted by the chosen column in the viewer's alphabet, ties broken by id so paging never repeats or skips a row. The
    /// names come from the interaction's own copies (kept by the database) and the enum words from one CASE, so each order
    /// is an index's (migration ListingSortKeys) and a page is read in order, not sorted from the whole range.
    /// </summary>
    public static IOrderedQueryable<Interaction> Sorted(this IQueryable<Interaction> interactions, ListingCriteria criteria)
    {
        var collation = SortCollation(criteria);
        var descending = criteria.Descending;
        return criteria.Sort switch
        {
            ListingColumn.Queue => By(interactions, i => EF.Functions.Collate(i.QueueName, collation), descending),
            ListingColumn.User => By(interactions, i => EF.Functions.Collate(i.UserName, collation), descending),
            ListingColumn.Contact => By(interactions, i => EF.Functions.Collate(i.ContactName, collation), descending),
            ListingColumn.WhatsAppContact => By(interactions, i => EF.Functions.Collate(i.WhatsAppContact!, collation), descending),
            ListingColumn.Answered => By(interactions, i => i.Answered, descending),
            ListingColumn.WaitTime => By(interactions, i => i.WaitTime, descending),
            ListingColumn.Duration => By(interactions, i => i.Duration, descending),
            ListingColumn.EndedBy => By(interactions, Labelled(i => i.EndedBy, EnumLabels.EndedBy(criteria.Language).Select(l => ((EndedBy?)l.Value, l.Label)), collation), descending),
            ListingColumn.Connector => By(interactions, i => EF.Functions.Collate(i.ConnectorName, collation), descending),
            ListingColumn.Missed => By(interactions, Labelled(i => i.MissedState, EnumLabels.Missed(criteria.Language), collation), descending),
            ListingColumn.MissedTime => By(interactions, i => i.MissedTime, descending),
            _ => By(interactions, i => i.Time, descending),
        };
    }

    /// <summary>
    /// The label the viewer reads for an enum column, as SQL: a CASE mapping each stored value to its word in the
    /// criteria's language, collated like the text columns.
    /// </summary>
    private static Expression<Func<Interaction, string?>> Labelled<TValue>(
        Expression<Func<Interaction, TValue>> value, IEnumerable<(TValue Value, string Label)> labels, string collation)
    {
        Expression body = Expression.Constant(null, typeof(string));
        foreach (var (stored, label) in labels.Reverse())
        {
            body = Expression.Condition(
                Expression.Equal(value.Body, Expression.Constant(stored, typeof(TValue))),
                Expression.Constant(label, typeof(string)),
                body);
        }

        var collate = typeof(RelationalDbFunctionsExtensions).GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));
        body = Expression.Call(collate, Expression.Constant(EF.Functions), body, Expression.Constant(collation));
        return Expression.Lambda<Func<Interaction, string?>>(body, value.Parameters);
    }

    private static IOrderedQueryable<Interaction> By<TKey>(IQueryable<Interaction> interactions, Expression<Func<Interaction, TKey>> key, bool descending) =>
        descending
            ? interactions.OrderByDescending(key).ThenByDescending(i => i.Id)
            : interactions.OrderBy(key).ThenBy(i => i.Id);

    /// <summary>
    /// The rows as the listing shows them. With <paramref name="withPairing"/> (the listing page) each row also tells
    /// whether a contact can be paired with it: not anonymized, and with an activity for the detail's pair panel to act on;
    /// other readers (export, CRM pages) skip that test.
    /// </summary>
    public static IQueryable<WapListingRow> ToRows(this IQueryable<Interaction> interactions, bool withPairing = false) =>
        interactions.Select(i => new WapListingRow(
            i.Id,
            i.Name,
            i.Time,
            i.Queue != null ? i.Queue.Name : null,
            i.User != null ? i.User.DisplayName : null,
            i.ContactId,
            i.Contact != null ? i.Contact.Name : null,
            i.WhatsAppContact,
            i.Answered,
            i.WaitTime,
            i.Duration,
            i.EndedBy,
            i.Connector != null ? i.Connector.Name : null,
            i.MissedState,
            i.MissedTime,
            i.AnonymizedAt != null,
            i.IsDraft,
            EF.Constant(withPairing) && i.AnonymizedAt == null && i.Activities.Any()));
}
