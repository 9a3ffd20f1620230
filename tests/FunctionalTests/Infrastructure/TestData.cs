using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;

namespace WapListing.FunctionalTests.Infrastructure;

/// <summary>
/// Small builders that insert exactly the rows a test asserts on, with explicit values, through the app's
/// DbContext: queues, users (who can sign in), contacts, interactions, activities, messages and the like.
/// Tests that need a particular chat make it here instead of looking one up in the demo seed.
/// Names are unique per call, so tests sharing a database never collide.
/// </summary>
public sealed class TestData(string connectionString)
{
    /// <summary>Every user made here signs in with this password (the demo one, so the sign-in helpers default to it).</summary>
    public const string Password = HttpSignIn.DemoPassword;

    private static readonly PasswordHasher<User> Hasher = new();
    private static readonly Lazy<string> PasswordHash = new(() => Hasher.HashPassword(null!, Password));

    /// <summary>A fresh unique interaction name in the app's form (<c>wap_</c> and hex digits).</summary>
    public static string NewInteractionName() => Interaction.NamePrefix + Guid.NewGuid().ToString("N");

    /// <summary>A fresh unique activity name in the app's form (<c>activities_</c> and hex digits).</summary>
    public static string NewActivityName() => Activity.NamePrefix + Guid.NewGuid().ToString("N");

    /// <summary>A short unique suffix for names that must not collide (queues, user names).</summary>
    public static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    public async Task<Connector> AddConnectorAsync(string name, string phoneNumber)
    {
        var connector = new Connector { Name = name, PhoneNumber = phoneNumber };
        return await SaveAsync(connector);
    }

    /// <summary>A queue; without a name it gets a unique one.</summary>
    public async Task<Queue> AddQueueAsync(string? name = null, bool isActive = true, Connector? connector = null)
    {
        var queue = new Queue { Name = name ?? $"Test queue {Suffix()}", IsActive = isActive, ConnectorId = connector?.Id };
        return await SaveAsync(queue);
    }

    public async Task<QueueGroup> AddQueueGroupAsync(string name, params Queue[] queues)
    {
        await using var db = Open();
        var group = new QueueGroup { Name = name };
        foreach (var queue in queues)
        {
            var tracked = await db.Queues.SingleAsync(q => q.Id == queue.Id);
            group.Queues.Add(tracked);
        }

        db.QueueGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    public async Task<UserGroup> AddUserGroupAsync(string name, params User[] members)
    {
        await using var db = Open();
        var group = new UserGroup { Name = name };
        foreach (var member in members)
        {
            group.Users.Add(await db.Users.SingleAsync(u => u.Id == member.Id));
        }

        db.UserGroups.Add(group);
        await db.SaveChangesAsync();
        return group;
    }

    /// <summary>
    /// A user who signs in with <see cref="Password"/>: a unique user name starting with <paramref name="userNamePrefix"/>,
    /// the given role, language and display name, and exactly the rights given (grants, "all users", "all queues").
    /// </summary>
    public async Task<User> AddUserAsync(
        UserRole role,
        string language = "cs",
        string? displayName = null,
        string userNamePrefix = "t_",
        bool allQueues = false,
        bool allUsers = false,
        bool isActive = true,
        params RightsGrant[] grants)
    {
        var userName = userNamePrefix + role.ToString().ToLowerInvariant() + "_" + Suffix();
        var user = new User
        {
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            DisplayName = displayName ?? userName,
            Role = role,
            Language = language,
            IsActive = isActive,
            RightsAllQueues = allQueues,
            RightsAllUsers = allUsers,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            PasswordHash = PasswordHash.Value,
            RightsGrants = grants.Select(g => new RightsGrant { UserId = g.UserId, UserGroupId = g.UserGroupId, QueueId = g.QueueId, QueueGroupId = g.QueueGroupId }).ToList(),
        };
        return await SaveAsync(user);
    }

    public async Task<Contact> AddContactAsync(string name, string? phoneNumber = null, string? email = null, Company? company = null)
    {
        var contact = new Contact { Name = name, PhoneNumbers = phoneNumber is null ? [] : [phoneNumber], Email = email, CompanyId = company?.Id };
        return await SaveAsync(contact);
    }

    public async Task<Company> AddCompanyAsync(string name)
    {
        var company = new Company { Name = name };
        return await SaveAsync(company);
    }

    /// <summary>A ticket numbered by the database's ticket sequence, as the app numbers them.</summary>
    public async Task<Ticket> AddTicketAsync(string title)
    {
        await using var db = Open();
        var ticket = new Ticket { Title = title, Status = TicketStatus.Open };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket;
    }

    /// <summary>
    /// An inbound, answered chat in <paramref name="queue"/> (none when null) at <paramref name="time"/>, through the
    /// queue's connector, with no user, contact, number or WhatsApp name, 30 s waiting, 300 s long (270 s of talk),
    /// not missed; <paramref name="with"/> changes any of that. Activities add its participants.
    /// </summary>
    public async Task<Interaction> AddInteractionAsync(Queue? queue, DateTimeOffset time, Action<Interaction>? with = null)
    {
        var interaction = new Interaction
        {
            Name = NewInteractionName(),
            Time = time,
            Direction = InteractionDirection.In,
            QueueId = queue?.Id,
            ConnectorId = queue?.ConnectorId,
            Answered = true,
            WaitTime = 30,
            Duration = 300,
            TalkTime = 270,
            MissedState = MissedState.None,
        };
        with?.Invoke(interaction);
        return await SaveAsync(interaction);
    }

    /// <summary>
    /// An open activity of <paramref name="interaction"/> by <paramref name="user"/> in the interaction's queue, created at
    /// <paramref name="createdAt"/>. Like the app's ingestion, the user takes part in the interaction (a participant, which
    /// the rights rule looks at) and becomes the user who handled it last.
    /// </summary>
    public async Task<Activity> AddActivityAsync(Interaction interaction, User? user, DateTimeOffset createdAt, Action<Activity>? with = null)
    {
        await using var db = Open();
        var activity = new Activity
        {
            Name = NewActivityName(),
            InteractionId = interaction.Id,
            UserId = user?.Id,
            QueueId = interaction.QueueId,
            Status = ActivityStatus.Open,
            CreatedAt = createdAt,
            OpenedAt = createdAt,
            Duration = 120,
            FocusTime = 100,
        };
        with?.Invoke(activity);
        db.Activities.Add(activity);
        if (user is not null)
        {
            if (!await db.InteractionParticipants.AnyAsync(p => p.InteractionId == interaction.Id && p.UserId == user.Id))
            {
                db.InteractionParticipants.Add(new InteractionParticipant { InteractionId = interaction.Id, UserId = user.Id });
            }

            await db.Interactions.Where(i => i.Id == interaction.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UserId, user.Id));
            interaction.UserId = user.Id;
        }

        await db.SaveChangesAsync();
        return activity;
    }

    /// <summary>A delivered text message of the chat at <paramref name="time"/>, from the customer unless said otherwise.</summary>
    public async Task<Message> AddMessageAsync(
        Interaction interaction, DateTimeOffset time, string? text, MessageDirection direction = MessageDirection.CustomerToAgent, Action<Message>? with = null)
    {
        var message = new Message
        {
            InteractionId = interaction.Id,
            Time = time,
            Direction = direction,
            AuthorName = direction == MessageDirection.CustomerToAgent ? interaction.WhatsAppContact : null,
            Type = MessageType.Text,
            Text = text,
            WhatsAppMessageId = "wamid.test." + Guid.NewGuid().ToString("N"),
            DeliveryStatus = DeliveryStatus.Delivered,
        };
        with?.Invoke(message);
        return await SaveAsync(message);
    }

    public async Task<MessageAttachment> AddAttachmentAsync(Message message, string fileName, string contentType, byte[] content)
    {
        var attachment = new MessageAttachment
        {
            MessageId = message.Id,
            FileName = fileName,
            ContentType = contentType,
            Size = content.Length,
            Content = content,
        };
        return await SaveAsync(attachment);
    }

    /// <summary>A step of the chat's "Wap processing" timeline.</summary>
    public async Task<ProcessingEvent> AddProcessingEventAsync(Interaction interaction, DateTimeOffset time, ProcessingEventKind kind, User? user = null, string? detail = null)
    {
        var processingEvent = new ProcessingEvent { InteractionId = interaction.Id, Time = time, Kind = kind, QueueId = interaction.QueueId, UserId = user?.Id, Detail = detail };
        return await SaveAsync(processingEvent);
    }

    public async Task<QaReview> AddQaReviewAsync(Activity activity, User reviewer, DateTimeOffset time, int score, string? comment = null)
    {
        var review = new QaReview { ActivityId = activity.Id, ReviewerId = reviewer.Id, Time = time, Score = score, Comment = comment };
        return await SaveAsync(review);
    }

    private Infrastructure.TestDatabasesAccess Access => new(connectionString);

    private WapListing.Infrastructure.Data.WapListingDbContext Open() => Access.Open();

    private async Task<T> SaveAsync<T>(T entity)
        where T : class
    {
        await using var db = Open();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }
}
