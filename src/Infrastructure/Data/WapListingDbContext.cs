using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WapListing.Domain.Entities;
using WapListing.Infrastructure.Search;

namespace WapListing.Infrastructure.Data;

public class WapListingDbContext(DbContextOptions<WapListingDbContext> options)
    : IdentityDbContext<User, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    public DbSet<Connector> Connectors => Set<Connector>();
    public DbSet<Queue> Queues => Set<Queue>();
    public DbSet<QueueGroup> QueueGroups => Set<QueueGroup>();
    public DbSet<UserGroup> UserGroups => Set<UserGroup>();
    public DbSet<RightsGrant> RightsGrants => Set<RightsGrant>();
    public DbSet<Interaction> Interactions => Set<Interaction>();
    public DbSet<InteractionParticipant> InteractionParticipants => Set<InteractionParticipant>();
    public DbSet<WhatsAppContactName> WhatsAppContactNames => Set<WhatsAppContactName>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<MessageAttachment> MessageAttachments => Set<MessageAttachment>();
    public DbSet<ProcessingEvent> ProcessingEvents => Set<ProcessingEvent>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<QaReview> QaReviews => Set<QaReview>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<WebhookInboxItem> WebhookInbox => Set<WebhookInboxItem>();
    public DbSet<DeliveryStatusReport> DeliveryStatusReports => Set<DeliveryStatusReport>();
    public DbSet<InteractionEvent> InteractionEvents => Set<InteractionEvent>();
    public DbSet<OutboundSend> OutboundSends => Set<OutboundSend>();
    public DbSet<WhatsAppTemplate> WhatsAppTemplates => Set<WhatsAppTemplate>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WapListingDbContext).Assembly);
        TextSearch.Register(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by member name (Customer, Agent, ...): the database stays readable and reordering members changes no data.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
