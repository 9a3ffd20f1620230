using WapListing.Web.Features.Crm;
using WapListing.Web.Features.Detail;
using WapListing.Web.Features.Detail.Actions;
using WapListing.Web.Features.Export;
using WapListing.Web.Features.Listing;
using WapListing.Web.Features.Listing.Criteria;
using WapListing.Web.Features.Manage;
using WapListing.Web.Features.Manage.ApiKeys;
using WapListing.Web.Features.Manage.Audit;
using WapListing.Web.Features.Manage.Connectors;
using WapListing.Web.Features.Manage.Groups;
using WapListing.Web.Features.Manage.Inbox;
using WapListing.Web.Features.Manage.Queues;
using WapListing.Web.Features.Manage.Rights;
using WapListing.Web.Features.Manage.Users;

namespace WapListing.Web.Configuration;

/// <summary>The use cases of each feature area (<c>Features/&lt;area&gt;</c>), one registration method per area.</summary>
public static class FeatureServices
{
    public static IServiceCollection AddListingFeature(this IServiceCollection services)
    {
        services.AddOptions<ListingOptions>().BindConfiguration(ListingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ListingCriteriaParser>();
        services.AddScoped<PickedIdsRightsCheck>();
        services.AddScoped<ListingCriteriaReader>();
        services.AddScoped<ListingPageQuery>();
        services.AddMemoryCache();
        services.AddScoped<ListingPickersQuery>();
        services.AddScoped<GetWapListing>();
        return services;
    }

    public static IServiceCollection AddDetailFeature(this IServiceCollection services)
    {
        services.AddScoped<InteractionDetailQuery>();
        services.AddScoped<DetailSearches>();
        services.AddScoped<GetDetailPage>();
        services.AddScoped<GetAttachment>();
        services.AddScoped<GetAnonymizeConfirmation>();
        services.AddScoped<GetQaReview>();
        services.AddScoped<StartNewActivity>();
        services.AddScoped<CloseDraft>();
        services.AddScoped<CloseActivity>();
        services.AddScoped<DiscardDraft>();
        services.AddScoped<RemoveFromMissed>();
        services.AddScoped<PairContact>();
        services.AddScoped<CreateContact>();
        services.AddScoped<MergeIntoTicket>();
        services.AddScoped<AddQaReview>();
        services.AddScoped<AnonymizeInteraction>();
        return services;
    }

    public static IServiceCollection AddExportFeature(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ExportGate>();
        services.AddScoped<ListingExporter>();
        services.AddScoped<GetExportDialog>();
        services.AddScoped<ExportListing>();
        return services;
    }

    public static IServiceCollection AddCrmFeature(this IServiceCollection services) => services.AddScoped<GetCrmRecord>();

    public static IServiceCollection AddManageFeature(this IServiceCollection services) =>
        services
            .AddScoped<GetUsersAndRights>()
            .AddScoped<ManageAudit>()
            .AddManageUsers()
            .AddManageRights()
            .AddManageGroups()
            .AddManageQueues()
            .AddManageConnectors()
            .AddManageApiKeys()
            .AddManageInbox()
            .AddManageAudit();
}
