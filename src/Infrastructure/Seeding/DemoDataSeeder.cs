using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Data;
using WapListing.Infrastructure.Data.Configurations;
using WapListing.Infrastructure.Search;
using WapListing.Infrastructure.Time;

namespace WapListing.Infrastructure.Seeding;

/// <summary>
/// The demo data of issue 2: deterministic (fixed random seed) and dated relative to the seeding day.
/// Reference data (people, queues, CRM) is written once; the interactions, tickets and QA reviews are regenerated
/// when the data is from an earlier day and a refresh is asked for, so Today is never empty.
/// </summary>
public sealed class DemoDataSeeder(WapListingDbContext db, TimeProvider clock)
{
    public const string DemoPassword = "Demo123!";
    public const string DemoSeededOnKey = "demo.seeded_on";
    private const int ReferenceSeed = 20261125;
    private const string AdvanceTicketNumbersSql =
        $"SELECT setval('{TicketConfiguration.NumberSequence}', max(number)) FROM tickets "
        + $"HAVING max(number) >= (SELECT last_value FROM {TicketConfiguration.NumberSequence})";
    private static readonly TimeZoneInfo DemoZone = TimeZoneInfo.FindSystemTimeZoneById(User.DefaultTimeZoneId);

    public async Task<DemoSeedResult> SeedAsync(bool refreshIfStale, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var today = LocalDay.DayOf(now, DemoZone);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var marker = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == DemoSeededOnKey, cancellationToken);

        if (marker?.Value == todayText)
        {
            return DemoSeedResult.AlreadyCurrent;
        }

        if (marker is not null && !refreshIfStale)
        {
            return DemoSeedResult.LeftStale;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var refreshing = marker is not null;
        DemoReferenceData reference;
        if (marker is null)
        {
            reference = CreateReferenceData();
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            await GrantDemoRightsAsync(cancellationToken);
            db.AppSettings.Add(marker = new AppSetting { Key = DemoSeededOnKey, Value = todayText });
        }
        else
        {
            await DeleteInteractionsAsync(cancellationToken);
            reference = await LoadReferenceDataAsync(cancellationToken);
            marker.Value = todayText;
            db.Entry(marker).State = EntityState.Modified;
        }

        var generated = new DemoInteractionGenerator(reference, now, today, DemoZone).Generate();
        db.Tickets.AddRange(generated.Tickets);
        db.Interactions.AddRange(generated.Interactions);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await AdvanceTicketNumbersAsync(cancellationToken);

        foreach (var (missed, callback) in generated.CallBacks)
        {
            missed.ContactedBackById = callback.Id;
            db.Entry(missed).Property(i => i.ContactedBackById).IsModified = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.ChangeTracker.Clear();

        // Fresh statistics, so the planner sees today's rows at once instead of after autovacuum's next round.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        return refreshing ? DemoSeedResult.Refreshed : DemoSeedResult.Seeded;
    }

    private async Task DeleteInteractionsAsync(CancellationToken cancellationToken)
    {
        await db.QaReviews.ExecuteDeleteAsync(cancellationToken);
        await db.Interactions.ExecuteDeleteAsync(cancellationToken);
        await db.Tickets.ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The demo tickets carry fixed numbers, which do not draw from the number sequence: it is moved past them so the
    /// next ticket the database numbers never collides. It only ever moves forward, so numbers are never reused.
    /// </summary>
    private Task AdvanceTicketNumbersAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(AdvanceTicketNumbersSql, cancellationToken);

    private DemoReferenceData CreateReferenceData()
    {
        var random = new Random(ReferenceSeed);
        Connector[] connectors =
        [
            new() { Name = "WhatsApp Podpora", PhoneNumber = "+420800123456" },
            new() { Name = "WhatsApp Prodej", PhoneNumber = "+420800654321" },
            new() { Name = "WhatsApp International", PhoneNumber = "+442071234567" },
        ];
        db.Connectors.AddRange(connectors);

        Queue NewQueue(string name, Connector connector, bool active = true) =>
            new() { Name = name, Connector = connector, IsActive = active };
        var support = NewQueue("Podpora CZ", connectors[0]);
        var techSupport = NewQueue("Technická podpora", connectors[0]);
        var sales = NewQueue("Prodej CZ", connectors[1]);
        var vip = NewQueue("VIP zákazníci", connectors[1]);
        var claims = NewQueue("Reklamace", connectors[0]);
        var night = NewQueue("Noční směna", connectors[0]);
        var international = NewQueue("International Support", connectors[2]);
        var billing = NewQueue("Billing EN", connectors[2]);
        var oldLine = NewQueue("Stará linka (zrušeno)", connectors[0], active: false);
        var pilot = NewQueue("Pilot 2025", connectors[2], active: false);
        Queue[] queues = [support, techSupport, sales, vip, claims, night, international, billing, oldLine, pilot];
        db.Queues.AddRange(queues);
        db.QueueGroups.AddRange(
            new QueueGroup { Name = "Česko", Queues = [support, techSupport, sales, claims] },
            new QueueGroup { Name = "International", Queues = [international, billing, pilot] },
            new QueueGroup { Name = "Prioritní", Queues = [vip, claims] });

        var supportTeam = new UserGroup { Name = "Tým Podpora" };
        var salesTeam = new UserGroup { Name = "Tým Prodej" };
        var claimsTeam = new UserGroup { Name = "Tým Reklamace" };
        var internationalTeam = new UserGroup { Name = "Team International" };
        db.UserGroups.AddRange(supportTeam, salesTeam, claimsTeam, internationalTeam);

        var hasher = new PasswordHasher<User>();
        string? passwordHash = null;
        User NewUser(string userName, string displayName, UserRole role, UserGroup? team, string language = "cs", bool active = true)
        {
            var user = new User
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = $"{userName}@demo.waplisting.test",
                NormalizedEmail = $"{userName}@demo.waplisting.test".ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = displayName,
                Role = role,
                Language = language,
                IsActive = active,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            // One hash serves every demo user: it embeds its own salt and verifies for any user.
            user.PasswordHash = passwordHash ??= hasher.HashPassword(user, DemoPassword);
            team?.Users.Add(user);
            db.Users.Add(user);
            return user;
        }

        var admin = NewUser("admin", "Adéla Správcová", UserRole.Administrator, null);
        admin.RightsAllQueues = admin.RightsAllUsers = true;
        var supervisor = NewUser("supervisor", "Simona Vedoucí", UserRole.Supervisor, supportTeam);
        NewUser("manager", "Marek Manažer", UserRole.Manager, null, language: "en");
        var agent = NewUser("agent", "Adam Agent", UserRole.Agent, supportTeam);

        UserGroup[] teams = [supportTeam, salesTeam, claimsTeam, internationalTeam];
        var agents = new List<User> { agent };
        for (var i = 0; i < DemoTexts.AgentFirstNames.Length; i++)
        {
            var first = DemoTexts.AgentFirstNames[i];
            var last = DemoTexts.AgentLastNames[i];
            var english = i >= 20;
            var team = english ? internationalTeam : teams[i % 3];
            var userName = TextSearch.FoldInMemory($"{first[0]}{last}");
            var role = i is 3 or 13 ? UserRole.Supervisor : UserRole.Agent;
            var user = NewUser(userName, $"{first} {last}", role, team, english ? "en" : "cs", active: i is not (7 or 17 or 25));
            if (english && i % 2 == 0)
            {
                user.TimeZoneId = "Europe/London";
            }

            agents.Add(user);
        }

        var companies = DemoTexts.Companies.Select(name => new Company { Name = name }).ToArray();
        db.Companies.AddRange(companies);
        var customers = DemoCustomers.Create();
        foreach (var customer in customers.Where(c => c.CrmName is not null))
        {
            customer.Contact = new Contact
            {
                Name = customer.CrmName!,
                PhoneNumbers = [customer.Number],
                Email = customer.Email,
                Company = random.Next(3) == 0 ? null : companies[random.Next(companies.Length)],
            };
            db.Contacts.Add(customer.Contact);
        }

        return new DemoReferenceData(queues, connectors, teams, [supervisor, admin, agents.First(a => a.Role == UserRole.Supervisor)], customers, agent);
    }

    /// <summary>Grants need the ids of what they point at, so they follow the first save.</summary>
    private async Task GrantDemoRightsAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => u.UserName == "supervisor" || u.UserName == "manager" || u.UserName == "agent")
            .ToDictionaryAsync(u => u.UserName!, cancellationToken);
        var queues = await db.Queues.ToDictionaryAsync(q => q.Name, q => q.Id, cancellationToken);
        var teams = await db.UserGroups.ToDictionaryAsync(g => g.Name, g => g.Id, cancellationToken);
        RightsGrant Grant(string viewer, RightsGrant grant)
        {
            grant.ViewerId = users[viewer].Id;
            return grant;
        }

        db.RightsGrants.AddRange(
            Grant("supervisor", RightsGrant.ForQueue(queues["Podpora CZ"])),
            Grant("supervisor", RightsGrant.ForQueue(queues["Prodej CZ"])),
            Grant("supervisor", RightsGrant.ForUserGroup(teams["Tým Podpora"])),
            Grant("supervisor", RightsGrant.ForUserGroup(teams["Tým Prodej"])),
            Grant("manager", RightsGrant.ForQueue(queues["Reklamace"])),
            Grant("manager", RightsGrant.ForQueue(queues["International Support"])),
            Grant("manager", RightsGrant.ForQueue(queues["Billing EN"])),
            Grant("agent", RightsGrant.ForQueue(queues["Technická podpora"])),
            Grant("agent", RightsGrant.ForUser(users["agent"].Id)));
    }

    private async Task<DemoReferenceData> LoadReferenceDataAsync(CancellationToken cancellationToken)
    {
        var queues = await db.Queues.Include(q => q.Connector).OrderBy(q => q.Id).ToArrayAsync(cancellationToken);
        var connectors = await db.Connectors.OrderBy(c => c.Id).ToArrayAsync(cancellationToken);
        var teams = await db.UserGroups.Include(g => g.Users).OrderBy(g => g.Id).ToArrayAsync(cancellationToken);
        var users = await db.Users.OrderBy(u => u.Id).ToListAsync(cancellationToken);
        var contacts = await db.Contacts.ToListAsync(cancellationToken);
        var customers = DemoCustomers.Create();
        foreach (var customer in customers)
        {
            customer.Contact = contacts.FirstOrDefault(c => c.PhoneNumbers.Contains(customer.Number));
        }

        var reviewers = users.Where(u => u.Role is UserRole.Supervisor or UserRole.Administrator && u.IsActive).Take(3).ToArray();
        return new DemoReferenceData(queues, connectors, teams, reviewers, customers, users.Single(u => u.UserName == "agent"));
    }
}
