namespace WapListing.Web.Features.Manage.Queues;

public static class QueuesRegistration
{
    /// <summary>The use cases of Manage → Queues.</summary>
    public static IServiceCollection AddManageQueues(this IServiceCollection services) =>
        services
            .AddScoped<ListQueues>()
            .AddScoped<GetQueueForm>()
            .AddScoped<SaveQueue>();
}
