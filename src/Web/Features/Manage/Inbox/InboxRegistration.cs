namespace WapListing.Web.Features.Manage.Inbox;

public static class InboxRegistration
{
    /// <summary>The use cases of Manage → WhatsApp inbox.</summary>
    public static IServiceCollection AddManageInbox(this IServiceCollection services) =>
        services.AddScoped<GetWebhookInbox>().AddScoped<RetryParkedWebhook>();
}
